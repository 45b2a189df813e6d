package io.sextant.platform.changes;

/**
 * Applies approved changes to their live targets, exactly once: the move APPROVED → APPLYING is a
 * conditional update that only one caller can win. Statements run with a short lock_timeout and a
 * statement_timeout; lock timeouts (SQLSTATE 55P03) are retried with exponential back-off;
 * CONCURRENTLY statements run outside a transaction, and a leftover INVALID index of the same name
 * is dropped before each attempt. Afterwards the post-apply advisors run and fail closed.
 */
public interface ChangeApplier {

    /**
     * Applies the change as the target's next version (its applied count + 1, fixed now). A failure
     * holds the target until an operator's drift check ({@link ChangeLifecycle}).
     *
     * @throws ChangeRefusedException {@code not-approved}, {@code approval-void}, {@code checksum-mismatch}
     *         (names the version), {@code out-of-order} (a change ahead of it in the queue applies first),
     *         {@code target-held} (an apply failed there and no drift check has run since),
     *         {@code schema-moved} (the live schema changed since its checks: check it again), {@code missing-role}
     */
    ApplyResult apply(String changeId);
}
