package io.sextant.platform.audit;

import java.util.Optional;

/**
 * Checks that the audit chain is intact and remembers each check.
 *
 * <p>{@link #verify()} walks every stored event in sequence order, in batches, on one consistent
 * snapshot, and recomputes each hash; then it compares the newest event with the chain head,
 * the newest signed checkpoint in the database and the last entry of the external checkpoint
 * file. It stops at the first problem, reports its kind and sequence number in plain words, and
 * records the run. Callers need role {@code COMPLIANCE} or {@code SECURITY_ADMIN}.
 * See docs/decisions/D004-audit-chain.md for what it can and cannot detect.
 */
public interface AuditVerifier {

    /** Verifies the whole chain now, records the run and returns its result. */
    VerificationReport verify();

    /** The most recent recorded verification run, if any; any signed-in operator may see it. */
    Optional<VerificationRun> lastRun();
}
