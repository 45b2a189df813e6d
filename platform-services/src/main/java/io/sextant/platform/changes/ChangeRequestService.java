package io.sextant.platform.changes;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Change requests and their life cycle. Every transition is audited in the same transaction; every
 * refusal is audited on its own and thrown as a {@link ChangeRefusedException}. Callers need the
 * OPERATOR or SECURITY_ADMIN role.
 */
public interface ChangeRequestService {

    /**
     * Submits a change as the current operator; it takes the next place in its target's queue.
     * Idempotent: the same content for the same target returns the existing change while it is in line.
     *
     * @throws ChangeRefusedException {@code unknown-target}, {@code duplicate-sequence} / {@code sequence-gap}
     *         (the submission names a version that is not {@link #nextSequence}), {@code already-submitted}
     *         (this content is an earlier change that has left the line or been revised), {@code empty-change},
     *         {@code syntax-error}
     */
    ChangeRequest submit(ChangeSubmission submission);

    /**
     * The version the next change submitted to {@code targetId} will apply as, if every change in line
     * ahead of it applies first: the target's applied count + the changes in line + 1. The one rule
     * every caller asks (the submit dialog, policy publishing, the advisor, erasure).
     */
    int nextSequence(String targetId);

    /**
     * A new revision of a change that is not applied: new content (and content hash) under the same id
     * and in the same place in the queue, back to SUBMITTED, every approval void; the replaced content
     * is kept and the revision is audited. This is the only way a change's content changes (what an
     * "edit" was before: an edit is a revision). Allowed from SUBMITTED, CHECKING, NEEDS_APPROVAL,
     * APPROVED, FAILED and REJECTED ({@link ChangeLifecycle}).
     *
     * @param note why (optional), kept in the audit trail
     * @throws ChangeRefusedException {@code stale-version} when {@code expectedVersion} is not current,
     *         {@code not-revisable}, {@code place-taken} (a rejected change whose place a rewrite took),
     *         {@code empty-change}, {@code syntax-error}
     */
    ChangeRequest revise(String changeId, int expectedVersion, String forwardSql, @Nullable String rollbackSql, @Nullable String note);

    /**
     * Abandons a change for good (terminal): it leaves the line, so the changes behind it move up and
     * take its version. Needs the OPERATOR role and a reason; audited.
     *
     * @throws ChangeRefusedException {@code missing-role}, {@code missing-reason}, {@code not-abandonable}
     */
    ChangeRequest abandon(String changeId, String reason);

    /**
     * Runs lint, shadow apply and the rollback round trip (minutes on big samples), stores the result
     * and moves the change to NEEDS_APPROVAL, APPROVED (no approval needed) or FAILED (blocked).
     */
    ChangeCheckResult check(String changeId, ShadowOptions options, ShadowProgressListener listener);

    ChangeRequest reject(String changeId, String reason);

    Optional<ChangeRequest> find(String changeId);

    List<ChangeRequest> list(String targetId);

    /** The target's changes in queue order, each with the version it applied or will apply as, and why it waits. */
    List<QueuedChange> queue(String targetId);

    /** Where the change stands for {@link ChangeLifecycle#decide}: what is ahead of it, whether its target is held, whether it is stuck. */
    ChangeLifecycle.Situation situation(String changeId);

    /** Failed changes and stuck ones, most recent first, at most {@code limit} (for an operator's home page). */
    List<ChangeRequest> failedOrStuck(int limit);

    /** Changes waiting for an approval the current operator may give (not their own, their role), at most {@code limit}. */
    List<ChangeRequest> awaitingMyApproval(int limit);

    /** The latest check of the change's current content, if any. */
    Optional<ChangeCheckResult> latestCheck(String changeId);

    /**
     * The audit events about this change (submission, checks, approvals, apply, refusals, …), newest
     * first, at most {@code limit}. Needs the roles that may see the change (OPERATOR or SECURITY_ADMIN).
     */
    List<io.sextant.platform.audit.AuditEventView> auditTrail(String changeId, int limit);

    /**
     * Changes held in CHECKING or APPLYING for longer than {@code sextant.changes.stuck-after}
     * (default 15 minutes, measured with the injected clock since the move into that state): the
     * process that held them most likely died. Oldest first.
     */
    List<ChangeRequest> stuck();

    /** Whether this change is stuck as {@link #stuck()} defines it. */
    boolean isStuck(ChangeRequest change);

    /**
     * Releases a stuck change; needs the OPERATOR role. CHECKING returns to SUBMITTED (it must be
     * checked again); APPLYING becomes FAILED with a reason telling the operator to verify the
     * target with a drift check first, because the apply may have run in part or in full, and the
     * target is held until that drift check ran. Nothing is re-applied. Audited; the move is a conditional update, so concurrent resets release it once.
     *
     * @throws ChangeRefusedException {@code missing-role}, {@code unknown-change}, {@code not-stuck}
     *         (any other state, or held for less than the timeout)
     */
    ChangeRequest resetStuck(String changeId);
}
