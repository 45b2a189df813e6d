package io.sextant.platform.authz;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The durable, append-only store of decision traces. A decision must not be returned before its
 * trace is committed: wait for {@link #record}'s future. Traces are written in batches (group
 * commit): every batch is one transaction holding the batch row, its traces and an audit event
 * with the batch's digest, so a batch is all there or not at all, and changing a stored trace
 * afterwards is detected by {@link #verifyBatch}. See docs/authz-traces.md.
 *
 * <p>What comes back is what was recorded, in the JSON value model: map values that were
 * {@link UUID}s, {@link Instant}s or enums come back as their strings, integers as {@link Long}
 * (as {@link java.math.BigDecimal} beyond its range), other numbers as {@link java.math.BigDecimal}
 * with the scale they were written with, maps in key order; {@code decidedAt} is truncated to
 * microseconds (what PostgreSQL keeps). Recording refuses, with {@link IllegalArgumentException},
 * what could not come back exactly: other value types, sets, NaN and infinities, NUL characters,
 * unpaired surrogates.
 *
 * <p>Do not wait for a trace while your own transaction holds the audit chain's lock (after it
 * appended to the audit log): the batch's own audit event would wait for that lock. Decide first,
 * then do the audited work.
 *
 * <p>A trace's inputs (principal, resource, context and the values its conditions saw) are stored
 * apart from it and anchored by their hash, so they can be purged while every batch still
 * verifies. What this store returns holds the inputs unmasked: it is for replay and for services
 * that decide what a person may see (D009) — never hand its results to a person directly.
 */
public interface TraceStore {

    /**
     * Queues a trace for the next batch; the future completes when the batch that holds it has
     * committed, or exceptionally when it could not be written (then the trace is not stored and
     * the decision must not be used). Dependent stages added without an executor run on the
     * writer's thread: keep them short or use the {@code *Async} variants.
     *
     * @throws IllegalArgumentException if the trace holds a value that cannot be stored exactly
     * @throws NullPointerException     if a required part of the trace is missing
     */
    CompletableFuture<Void> record(DecisionTrace trace);

    /**
     * Records traces and waits until every one is committed. Each trace is committed or refused on
     * its own (they may share batches with other callers' traces).
     *
     * @throws IllegalStateException if any trace could not be written, after all have settled
     */
    void recordAll(List<DecisionTrace> traces);

    /**
     * The trace of a decision, if it was recorded, with its inputs: {@link TraceInputs#COMPLETE},
     * or {@link TraceInputs#PURGED} (every input value reads as {@link TraceMask#PURGED}).
     */
    Optional<RecordedTrace> read(UUID decisionId);

    /**
     * A project's traces decided in {@code [from, to)}, newest first, optionally of one kind, as {@link #read} gives them.
     *
     * @param limit 1 to 1000
     */
    List<RecordedTrace> readRecent(UUID projectId, Instant from, Instant to, @Nullable TraceKind kind, int limit);

    /** The trace of a decision, if it was recorded (see {@link #read}: purged inputs read as {@link TraceMask#PURGED}). */
    default Optional<DecisionTrace> find(UUID decisionId) {
        return read(decisionId).map(RecordedTrace::trace);
    }

    /** {@link #readRecent} without the state of the inputs. */
    default List<DecisionTrace> recent(UUID projectId, Instant from, Instant to, @Nullable TraceKind kind, int limit) {
        return readRecent(projectId, from, to, kind, limit).stream().map(RecordedTrace::trace).toList();
    }

    /**
     * Purges the inputs of a decision and of every replay of it (their content goes, their hash
     * stays), in the caller's transaction, which must exist and should also hold the audit event
     * that records the purge. Idempotent.
     *
     * @return how many traces' inputs were purged now
     * @throws NoSuchElementException if no trace of that decision is stored
     * @throws IllegalStateException  if the decision was recorded before inputs were kept apart
     *                                (purging its values would fail its batch's verification)
     */
    int purgeInputs(UUID decisionId, String purgedBy);

    /**
     * The batch a recorded decision was committed in.
     *
     * @throws NoSuchElementException if no trace of that decision is stored
     */
    TraceBatchInfo batchOf(UUID decisionId);

    /**
     * Recomputes a batch's digest from its stored trace rows (each trace's canonical JSON rebuilt
     * from its columns) and compares it with the batch row and with the digest in the batch's audit
     * event; also checks the count, the positions, each trace's stored digest, each trace's inputs
     * against their digest (purged inputs pass: their digest is in the trace) and the time range.
     * Reads the audit event through the audit log's query API, so the caller needs role
     * {@code COMPLIANCE} or {@code SECURITY_ADMIN}. Whether the audit chain itself is intact is
     * {@code AuditVerifier}'s question.
     *
     * @return true if every check passes; false (and a warning in the log naming the first failing
     *         check) otherwise
     * @throws NoSuchElementException if there is no such batch
     */
    boolean verifyBatch(long batchId);
}
