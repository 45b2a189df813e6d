package io.sextant.platform.authz;

import java.time.Instant;

/**
 * One group commit of decision traces, as stored.
 *
 * @param batchId        the batch's id (ascending in commit order per writer, with gaps where a write failed)
 * @param traceCount     how many traces it holds
 * @param firstDecidedAt the earliest {@code decidedAt} among them
 * @param lastDecidedAt  the latest {@code decidedAt} among them
 * @param digest         SHA-256 (lowercase hex) of the traces' digests, concatenated in batch order
 * @param auditSeq       the sequence number of the audit event that records the batch and its digest
 * @param committedAt    when the batch was written (the writer's clock, just before commit)
 */
public record TraceBatchInfo(long batchId, int traceCount, Instant firstDecidedAt, Instant lastDecidedAt, String digest,
        long auditSeq, Instant committedAt) {
}
