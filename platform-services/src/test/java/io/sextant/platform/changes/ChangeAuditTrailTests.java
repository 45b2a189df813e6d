package io.sextant.platform.changes;

import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditOutcome;
import io.sextant.platform.audit.AuditQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A change's audit trail through the audit module's query API: its events only, newest first, for those who may see the change. */
@PlatformTest
class ChangeAuditTrailTests {

    @Autowired
    ChangeRequestService changes;
    @Autowired
    ApprovalService approvals;
    @Autowired
    AuditQuery audit;

    @Test
    void trailShowsTheChangesEventsNewestFirstWithRefusals() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_trail", ChangeBoardTests.ITEMS);
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "rename",
                "alter table app.items rename column label to title", null)));
        ChangeRequest other = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 2, "other",
                "alter table app.items add column flag boolean", null)));
        as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash())))
                .isInstanceOf(ChangeRefusedException.class);
        as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash()));

        List<AuditEventView> trail = as("carol", "OPERATOR", () -> changes.auditTrail(c.changeId(), 50));
        assertThat(trail).extracting(AuditEventView::action).containsExactly("changes.change.approve", "changes.change.approve",
                "changes.change.checked", "changes.change.checking", "changes.change.submit");
        assertThat(trail).extracting(AuditEventView::actor).containsExactly("bob", "alice", "alice", "alice", "alice");
        assertThat(trail.get(1).outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(trail.get(1).details()).containsEntry("reason", "self-approval");
        assertThat(trail).allMatch(e -> e.targetId().equals(c.changeId()));
        assertThat(trail).extracting(AuditEventView::seq).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(as("sam", "SECURITY_ADMIN", () -> changes.auditTrail(other.changeId(), 50))).extracting(AuditEventView::action)
                .containsExactly("changes.change.submit");

        assertThatThrownBy(() -> as("eve", "SUPPORT", () -> changes.auditTrail(c.changeId(), 50)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
    }

    @Test
    void operatorsReadOnlyChangeTrailsFromTheAuditApi() throws Exception {
        assertThat(as("carol", "OPERATOR", () -> audit.find(AuditFilter.subject("change", "nothing"), null, 10).events())).isEmpty();
        for (AuditFilter f : List.of(AuditFilter.all(), AuditFilter.subject("operator", "alice"),
                new AuditFilter(null, null, null, null, "change", null))) {
            assertThatThrownBy(() -> as("carol", "OPERATOR", () -> audit.find(f, null, 10))).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as("eve", "SUPPORT", () -> audit.find(AuditFilter.subject("change", "x"), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("dave", "COMPLIANCE", () -> audit.find(AuditFilter.subject("operator", "alice"), null, 10))).isNotNull();
    }
}
