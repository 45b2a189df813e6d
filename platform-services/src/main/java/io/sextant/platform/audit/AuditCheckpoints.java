package io.sextant.platform.audit;

/**
 * Signed checkpoints of the audit chain head. A checkpoint is stored in the database and appended
 * as one JSON line to the external checkpoint file, so truncating the chain can be detected even
 * by someone who can rewrite the database. Checkpoints are also taken on a schedule
 * ({@code sextant.audit.checkpoint-interval}). A checkpoint is refused when the chain does not
 * extend the last checkpoint in the file, so a truncated chain is never signed.
 */
public interface AuditCheckpoints {

    /**
     * Records an {@code audit.checkpoint} event and checkpoints the head that includes it.
     * Callers need role {@code COMPLIANCE} or {@code SECURITY_ADMIN}.
     *
     * @throws IllegalStateException if the chain does not extend the last checkpoint in the file
     */
    Checkpoint checkpoint();
}
