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
     * @throws ChangeRefusedException {@code not-approved}, {@code checksum-mismatch} (names the
     *         version), {@code out-of-order}, {@code missing-role}
     */
    ApplyResult apply(String changeId);
}
