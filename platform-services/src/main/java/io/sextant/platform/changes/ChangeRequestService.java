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
}
