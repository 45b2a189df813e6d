package io.sextant.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit screen's read model filters and pages newest first by seq. */
@PlatformTest
@WithMockUser(username = "dave", roles = "COMPLIANCE")
class AuditQueryTests {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditQuery query;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void pagesNewestFirstWithoutOverlapOrGaps() {
        String action = "test.page." + UUID.randomUUID();
        List<Long> seqs = new AuditTestSupport(auditLog, transactions).appendCommitted(7, action);
        AuditFilter filter = new AuditFilter(null, action, null, null);

        List<Long> seen = new ArrayList<>();
        Long before = null;
        int pages = 0;
        do {
            AuditPage page = query.find(filter, before, 3);
            page.events().forEach(e -> seen.add(e.seq()));
            before = page.nextBeforeSeq();
            pages++;
        } while (before != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(seqs.reversed());
    }

    @Test
    void filtersByActorAndTime() {
        String action = "test.filter." + UUID.randomUUID();
        AuditTestSupport support = new AuditTestSupport(auditLog, transactions);
        long early = support.appendCommitted(action, "early");
        Instant between = Instant.now();
        sleepPastClockResolution();
        long late = support.appendCommitted(action, "late");

        assertThat(seqs(new AuditFilter("dave", action, between, null))).containsExactly(late);
        assertThat(seqs(new AuditFilter("dave", action, null, between))).containsExactly(early);
        assertThat(seqs(new AuditFilter("somebody-else", action, null, null))).isEmpty();
        assertThat(seqs(new AuditFilter(null, action, null, null))).containsExactly(late, early);
    }

    private List<Long> seqs(AuditFilter filter) {
        return query.find(filter, null, 50).events().stream().map(AuditEventView::seq).toList();
    }

    private static void sleepPastClockResolution() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
