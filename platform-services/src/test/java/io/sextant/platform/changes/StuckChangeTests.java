package io.sextant.platform.changes;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static io.sextant.jooq.ops.Tables.CHANGE_REQUEST;
import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Changes left in CHECKING or APPLYING by a process that died: found after the timeout and released once, never re-applied. */
@PlatformTest
class StuckChangeTests {

    @Autowired
    ChangeRequestService changes;
    @Autowired
    ChangeApplier applier;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate tx;

    @Test
    void stuckCheckReturnsToSubmittedAndStuckApplyFailsWithDriftAdvice() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_stuck", ChangeBoardTests.ITEMS);
        ChangeRequest checking = submit(t, 1, "create index concurrently items_label on app.items (label)");
        ChangeRequest applying = submit(t, 2, "alter table app.items add column flag boolean");
        hold(checking.changeId(), ChangeState.CHECKING, Duration.ofMinutes(16));
        hold(applying.changeId(), ChangeState.APPLYING, Duration.ofHours(2));

        assertThat(as("alice", "OPERATOR", () -> changes.stuck())).extracting(ChangeRequest::changeId)
                .contains(applying.changeId(), checking.changeId());

        ChangeRequest resubmit = as("bob", "OPERATOR", () -> changes.resetStuck(checking.changeId()));
        assertThat(resubmit.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(resubmit.stateReason()).contains("run the checks again");

        ChangeRequest failed = as("bob", "OPERATOR", () -> changes.resetStuck(applying.changeId()));
        assertThat(failed.state()).isEqualTo(ChangeState.FAILED);
        assertThat(failed.stateReason()).contains("drift check of " + t.targetId(), "never re-applies");
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> applier.apply(applying.changeId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-approved"));
        assertThat(ChangeBoardTests.columns(t)).containsExactly("id", "label", "note");
        assertThat(as("alice", "OPERATOR", () -> changes.stuck())).extracting(ChangeRequest::changeId)
                .doesNotContain(applying.changeId(), checking.changeId());
        assertThat(auditOutcomes(applying.changeId(), "changes.change.reset")).containsExactly("succeeded");
    }

    @Test
    void refusedForRecentHoldsOtherStatesAndNonOperatorsAndAudited() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_stuck_refused", ChangeBoardTests.ITEMS);
        ChangeRequest recent = submit(t, 1, "create index concurrently items_label on app.items (label)");
        ChangeRequest submitted = submit(t, 2, "alter table app.items add column flag boolean");
        hold(recent.changeId(), ChangeState.CHECKING, Duration.ofMinutes(14));

        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> changes.resetStuck(recent.changeId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-stuck"));
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> changes.resetStuck(submitted.changeId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-stuck"));
        hold(recent.changeId(), ChangeState.CHECKING, Duration.ofMinutes(20));
        for (String role : List.of("SUPPORT", "COMPLIANCE")) {
            assertThatThrownBy(() -> as("eve", role, () -> changes.resetStuck(recent.changeId())))
                    .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        }
        assertThat(as("bob", "OPERATOR", () -> changes.find(recent.changeId())).orElseThrow().state()).isEqualTo(ChangeState.CHECKING);
        // reading a change needs a console role too (and the refusal is audited)
        assertThatThrownBy(() -> as("mallory", "GUEST", () -> changes.find(recent.changeId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThat(auditOutcomes(recent.changeId(), "changes.change.read")).containsExactly("refused");
        assertThat(auditOutcomes(recent.changeId(), "changes.change.reset")).containsExactly("refused", "refused", "refused");
        assertThat(auditOutcomes(submitted.changeId(), "changes.change.reset")).containsExactly("refused");
    }

    @Test
    void concurrentResetsReleaseTheChangeOnce() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_stuck_race", ChangeBoardTests.ITEMS);
        ChangeRequest c = submit(t, 1, "alter table app.items add column flag boolean");
        hold(c.changeId(), ChangeState.APPLYING, Duration.ofHours(1));
        List<Object> outcomes = ChangeBoardTests.race(List.of(
                () -> as("bob", "OPERATOR", () -> changes.resetStuck(c.changeId())),
                () -> as("carol", "OPERATOR", () -> changes.resetStuck(c.changeId())),
                () -> as("dan", "OPERATOR", () -> changes.resetStuck(c.changeId()))));
        assertThat(outcomes).filteredOn(o -> o instanceof ChangeRequest r && r.state() == ChangeState.FAILED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ChangeRefusedException e && e.reason().equals("not-stuck")).hasSize(2);
        assertThat(auditOutcomes(c.changeId(), "changes.change.reset")).containsOnlyOnce("succeeded");
    }

    private ChangeRequest submit(DatabaseTarget t, int seq, String sql) throws Exception {
        return as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), seq, "change " + seq, sql, null)));
    }

    /** What a JVM that died mid-check or mid-apply leaves behind: the state, entered {@code ago}. */
    private void hold(String changeId, ChangeState state, Duration ago) {
        tx.executeWithoutResult(st -> dsl.update(CHANGE_REQUEST).set(CHANGE_REQUEST.STATE, state.dbValue())
                .set(CHANGE_REQUEST.UPDATED_AT, Instant.now().minus(ago).atOffset(ZoneOffset.UTC))
                .where(CHANGE_REQUEST.CHANGE_ID.eq(changeId)).execute());
    }

    private List<String> auditOutcomes(String changeId, String action) {
        return tx.execute(st -> dsl.select(AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_ID.eq(changeId), AUDIT_EVENT.ACTION.eq(action)).orderBy(AUDIT_EVENT.SEQ).fetch(AUDIT_EVENT.OUTCOME));
    }
}
