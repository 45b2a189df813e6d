package io.sextant.platform.audit;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;

/** The lock on the chain head serialises concurrent appends into one gap-free, verifiable chain. */
@PlatformTest
class AuditConcurrencyTests {

    private static final int THREADS = 6;
    private static final int PER_THREAD = 25;

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    @WithMockUser(roles = "SECURITY_ADMIN")
    void concurrentAppendsFormGapFreeVerifiableChain() throws Exception {
        AuditTestSupport support = new AuditTestSupport(auditLog, transactions);
        List<Callable<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> support.appendCommitted(PER_THREAD, "test.concurrent"));
        }
        List<Long> seqs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (Future<List<Long>> f : pool.invokeAll(workers, 2, TimeUnit.MINUTES)) {
                seqs.addAll(f.get());
            }
        }
        assertThat(seqs).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates();
        long min = seqs.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = seqs.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(max - min + 1).as("no gaps between the appended events").isEqualTo(THREADS * PER_THREAD);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SEQ.between(min, max))).isEqualTo(THREADS * PER_THREAD);

        VerificationReport report = verifier.verify();
        assertThat(report.problem()).isNull();
        assertThat(report.lastSeq()).isGreaterThanOrEqualTo(max);
        assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(THREADS * PER_THREAD);
    }
}
