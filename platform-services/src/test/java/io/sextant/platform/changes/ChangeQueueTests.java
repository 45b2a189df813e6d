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
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A target's queue never jams: from every state a change can end up in (failed in checks, rejected,
 * failed in apply, stuck) there is a path back to a clean queue, and versions are fixed at apply
 * so a change that leaves the line leaves no gap.
 */
@PlatformTest
class ChangeQueueTests {

    /** Fails in the shadow: the column exists. */
    static final String BROKEN = "alter table app.items add column label text";

    @Autowired
    ChangeRequestService changes;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ChangeApplier applier;
    @Autowired
    DriftService drift;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate tx;

    @Test
    void failedInChecksIsRevisedUnderTheSameIdAndPlaceThenApprovedAndApplied() throws Exception {
        DatabaseTarget t = TestTargets.create("q_failed_checks", ChangeBoardTests.ITEMS);
        ChangeRequest a = submit(t, 1, BROKEN);
        check(a);
        assertThat(find(a).state()).isEqualTo(ChangeState.FAILED);
        // the failed change keeps its place: the next submission is version 2, and 1 is refused as taken
        assertThat(as("alice", "OPERATOR", () -> changes.nextSequence(t.targetId()))).isEqualTo(2);
        assertRefused(() -> submit(t, 1, "alter table app.items add column other text"), "duplicate-sequence");
        ChangeRequest b = submit(t, 2, "alter table app.items add column flag boolean");
        approved(b);
        assertRefused(() -> apply(b), "out-of-order");
        assertThat(queue(t)).extracting(q -> q.change().changeId(), QueuedChange::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.changeId(), 1), org.assertj.core.groups.Tuple.tuple(b.changeId(), 2));
        assertThat(queue(t).get(1).waiting()).contains("behind change #1 (" + a.changeId().substring(0, 12));

        ChangeRequest revised = as("alice", "OPERATOR", () -> changes.revise(a.changeId(), find(a).version(),
                "alter table app.items add column title text", null, "the column exists already"));
        assertThat(revised.changeId()).isEqualTo(a.changeId());
        assertThat(revised.sequence()).isEqualTo(a.sequence());
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.contentHash()).isNotEqualTo(a.contentHash());
        assertThat(revised.state()).isEqualTo(ChangeState.SUBMITTED);
        approved(revised);
        assertThat(apply(a).state()).isEqualTo(ChangeState.APPLIED);
        assertThat(find(a).appliedVersion()).isEqualTo(1);

        // B was checked against the schema before A: apply refuses until it is checked again
        assertRefused(() -> apply(b), "schema-moved");
        approved(find(b));
        assertThat(apply(b).state()).isEqualTo(ChangeState.APPLIED);
        assertThat(find(b).appliedVersion()).isEqualTo(2);
        assertThat(ChangeBoardTests.columns(t)).containsExactly("id", "label", "note", "title", "flag");
        assertThat(trail(a.changeId(), "changes.change.revise")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("revision", "2").containsEntry("from", "failed")
                        .containsEntry("oldContentHash", a.contentHash()).containsEntry("contentHash", revised.contentHash()));
    }

    @Test
    void rejectedIsRevisedBackIntoItsPlaceOrAbandonedAndTheNextTakesItsVersion() throws Exception {
        DatabaseTarget t = TestTargets.create("q_rejected", ChangeBoardTests.ITEMS);
        ChangeRequest first = submit(t, 1, "alter table app.items add column flag boolean");
        approved(first);
        apply(first);
        ChangeRequest a = submit(t, 2, "alter table app.items add column a1 text");
        ChangeRequest b = submit(t, 3, "alter table app.items add column b1 text");
        as("bob", "OPERATOR", () -> changes.reject(a.changeId(), "not like this"));
        assertThat(queue(t).get(1).version()).isNull();
        assertThat(queue(t).get(1).waiting()).contains("rejected");
        assertThat(queue(t).get(2).version()).isEqualTo(2);

        ChangeRequest back = as("alice", "OPERATOR", () -> changes.revise(a.changeId(), find(a).version(), "alter table app.items add column a2 text", null, null));
        assertThat(back.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(back.sequence()).isEqualTo(a.sequence());
        assertThat(queue(t).get(2).version()).isEqualTo(3);

        // abandoning needs the Operator role and a reason, and is for good
        assertRefused(() -> as("sam", "SECURITY_ADMIN", () -> changes.abandon(a.changeId(), "no")), "missing-role");
        assertRefused(() -> as("bob", "OPERATOR", () -> changes.abandon(a.changeId(), " ")), "missing-reason");
        ChangeRequest gone = as("bob", "OPERATOR", () -> changes.abandon(a.changeId(), "we keep the old column"));
        assertThat(gone.state()).isEqualTo(ChangeState.ABANDONED);
        assertRefused(() -> as("alice", "OPERATOR", () -> changes.revise(a.changeId(), gone.version(), "select 1", null, null)), "not-revisable");
        assertRefused(() -> as("bob", "OPERATOR", () -> changes.abandon(a.changeId(), "again")), "not-abandonable");
        assertThat(trail(a.changeId(), "changes.change.abandon")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("reason", "we keep the old column").containsEntry("from", "submitted"));

        // no gap: B applies as the version right after the last applied one
        assertThat(queue(t).get(2).version()).isEqualTo(2);
        approved(b);
        apply(b);
        assertThat(find(b).appliedVersion()).isEqualTo(2);
        assertThat(as("alice", "OPERATOR", () -> changes.nextSequence(t.targetId()))).isEqualTo(3);
        // the first submission's content names the change: submitting it again names the abandoned change
        assertRefused(() -> submit(t, 3, "alter table app.items add column a1 text"), "already-submitted");
        assertThat(submit(t, 3, "alter table app.items add column c1 text").sequence()).isEqualTo(4);
    }

    @Test
    void failedApplyHoldsTheTargetUntilAnOperatorsDriftCheckThenItIsRevisedAndApplies() throws Exception {
        DatabaseTarget t = TestTargets.create("q_failed_apply", ChangeBoardTests.ITEMS);
        ChangeRequest a = submit(t, 1, "create unique index concurrently items_label_u on app.items (label)");
        ChangeRequest b = submit(t, 2, "alter table app.items add column flag boolean");
        approved(a);
        TestTargets.exec(t, "insert into app.items values (100001, 'item 1', null)");
        ApplyResult failed = apply(a);
        assertThat(failed.state()).isEqualTo(ChangeState.FAILED);
        assertThat(find(a).stateReason()).contains("drift check of " + t.targetId());
        assertThat(queue(t).get(0).waiting()).contains("failed in apply", "drift check");
        assertThat(queue(t).get(1).waiting()).contains("target held: drift check needed after the failed apply of change " + a.changeId().substring(0, 12));

        TestTargets.exec(t, "delete from app.items where id = 100001");
        ChangeRequest revised = as("alice", "OPERATOR", () -> changes.revise(a.changeId(), find(a).version(),
                "create index concurrently items_label_i on app.items (label)", null, "not unique after all"));
        approved(revised);
        assertRefused(() -> apply(a), "target-held");
        assertThat(ChangeLifecycle.decide(ChangeLifecycle.Action.APPLY, find(a), new ChangeLifecycle.Actor("bob", java.util.Set.of(
                io.sextant.platform.identity.ConsoleRole.OPERATOR)), as("bob", "OPERATOR", () -> changes.situation(a.changeId()))).reason())
                .contains("held", "drift check");
        as("cleo", "COMPLIANCE", () -> drift.drift(t.targetId()));
        assertRefused(() -> apply(a), "target-held");
        as("bob", "OPERATOR", () -> drift.drift(t.targetId()));
        assertThat(auditActions(t.targetId())).contains("changes.target.hold", "changes.target.release");
        assertThat(apply(a).state()).isEqualTo(ChangeState.APPLIED);
        assertThat(find(a).appliedVersion()).isEqualTo(1);
        approved(find(b));
        apply(b);
        assertThat(find(b).appliedVersion()).isEqualTo(2);
    }

    @Test
    void stuckApplyIsResetHoldsTheTargetAndAbandoningItAfterADriftCheckFreesTheQueue() throws Exception {
        DatabaseTarget t = TestTargets.create("q_stuck", ChangeBoardTests.ITEMS);
        ChangeRequest a = submit(t, 1, "alter table app.items add column flag boolean");
        ChangeRequest stuckCheck = submit(t, 2, "alter table app.items add column other boolean");
        ChangeRequest b = submit(t, 3, "alter table app.items add column b1 text");
        hold(a.changeId(), ChangeState.APPLYING, Duration.ofHours(2));
        hold(stuckCheck.changeId(), ChangeState.CHECKING, Duration.ofHours(1));
        assertThat(queue(t).get(1).waiting()).contains("stuck in checks");
        as("bob", "OPERATOR", () -> changes.resetStuck(a.changeId()));
        assertThat(as("bob", "OPERATOR", () -> changes.resetStuck(stuckCheck.changeId())).state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(as("bob", "OPERATOR", () -> changes.failedOrStuck(10))).extracting(ChangeRequest::changeId).contains(a.changeId());
        as("bob", "OPERATOR", () -> changes.abandon(a.changeId(), "ran in part; fixed by hand"));
        as("bob", "OPERATOR", () -> changes.abandon(stuckCheck.changeId(), "not needed"));
        approved(b);
        assertRefused(() -> apply(b), "target-held");
        as("bob", "OPERATOR", () -> drift.drift(t.targetId()));
        apply(b);
        assertThat(find(b).appliedVersion()).isEqualTo(1);
        assertThat(queue(t)).extracting(QueuedChange::waiting).containsOnlyNulls();
    }

    @Test
    void applyIsRefusedWhenTheLiveSchemaMovedSinceTheChecks() throws Exception {
        DatabaseTarget t = TestTargets.create("q_moved", ChangeBoardTests.ITEMS);
        ChangeRequest a = submit(t, 1, "alter table app.items add column flag boolean");
        approved(a);
        TestTargets.exec(t, "create index items_note on app.items (note)");
        assertRefused(() -> apply(a), "schema-moved");
        assertThat(find(a).state()).isEqualTo(ChangeState.APPROVED);
        // data is not schema: rows written since the check do not move the fingerprint
        approved(find(a));
        TestTargets.exec(t, "insert into app.items values (100001, 'item x', null)");
        assertThat(apply(a).state()).isEqualTo(ChangeState.APPLIED);
        assertThat(as("alice", "OPERATOR", () -> changes.auditTrail(a.changeId(), 100))).anySatisfy(e -> assertThat(e.details())
                .containsEntry("reason", "schema-moved"));
    }

    private ChangeRequest submit(DatabaseTarget t, int version, String sql) throws Exception {
        return as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), version, "change " + version, sql, null)));
    }

    private void check(ChangeRequest c) throws Exception {
        as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
    }

    /** Checked (again) and approved by someone other than the author where it needs it. */
    private void approved(ChangeRequest c) throws Exception {
        check(c);
        ChangeRequest now = find(c);
        if (now.state() == ChangeState.NEEDS_APPROVAL) {
            as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), now.contentHash()));
        }
        assertThat(find(c).state()).as(String.valueOf(find(c).stateReason())).isEqualTo(ChangeState.APPROVED);
    }

    private ApplyResult apply(ChangeRequest c) throws Exception {
        return as("bob", "OPERATOR", () -> applier.apply(c.changeId()));
    }

    private ChangeRequest find(ChangeRequest c) throws Exception {
        return as("alice", "OPERATOR", () -> changes.find(c.changeId())).orElseThrow();
    }

    private List<QueuedChange> queue(DatabaseTarget t) throws Exception {
        return as("alice", "OPERATOR", () -> changes.queue(t.targetId()));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    private void hold(String changeId, ChangeState state, Duration ago) {
        tx.executeWithoutResult(st -> dsl.update(CHANGE_REQUEST).set(CHANGE_REQUEST.STATE, state.dbValue())
                .set(CHANGE_REQUEST.UPDATED_AT, Instant.now().minus(ago).atOffset(ZoneOffset.UTC))
                .where(CHANGE_REQUEST.CHANGE_ID.eq(changeId)).execute());
    }

    private List<Map<String, String>> trail(String changeId, String action) throws Exception {
        return as("alice", "OPERATOR", () -> changes.auditTrail(changeId, 100)).stream().filter(e -> e.action().equals(action))
                .filter(e -> e.outcome() == io.sextant.platform.audit.AuditOutcome.SUCCEEDED).map(io.sextant.platform.audit.AuditEventView::details).toList();
    }

    private List<String> auditActions(String targetId) {
        return tx.execute(st -> dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.TARGET_ID.eq(targetId))
                .orderBy(AUDIT_EVENT.SEQ).fetch(AUDIT_EVENT.ACTION));
    }
}
