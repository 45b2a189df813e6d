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
     * Submits a change as the current operator. Idempotent: the same content for the same target and
     * sequence returns the existing change.
     *
     * @throws ChangeRefusedException {@code unknown-target}, {@code duplicate-sequence} (the sequence
     *         is taken), {@code sequence-gap} (it is not the next one), {@code empty-change}
     */
    ChangeRequest submit(ChangeSubmission submission);

    /**
     * Replaces the SQL of a change that is not applied yet; it returns to SUBMITTED and every approval
     * of the old content is void.
     *
     * @throws ChangeRefusedException {@code stale-version} when {@code expectedVersion} is not current
     */
    ChangeRequest edit(String changeId, int expectedVersion, String forwardSql, @Nullable String rollbackSql);

    /**
     * Runs lint, shadow apply and the rollback round trip (minutes on big samples), stores the result
     * and moves the change to NEEDS_APPROVAL, APPROVED (no approval needed) or FAILED (blocked).
     */
    ChangeCheckResult check(String changeId, ShadowOptions options, ShadowProgressListener listener);

    ChangeRequest reject(String changeId, String reason);

    Optional<ChangeRequest> find(String changeId);

    List<ChangeRequest> list(String targetId);

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
     * target with a drift check first, because the apply may have run in part or in full. Nothing is
     * re-applied. Audited; the move is a conditional update, so concurrent resets release it once.
     *
     * @throws ChangeRefusedException {@code missing-role}, {@code unknown-change}, {@code not-stuck}
     *         (any other state, or held for less than the timeout)
     */
    ChangeRequest resetStuck(String changeId);
}
