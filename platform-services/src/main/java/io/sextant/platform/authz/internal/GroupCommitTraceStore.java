package io.sextant.platform.authz.internal;

import static io.sextant.jooq.authz.Tables.DECISION_INPUTS;
import static io.sextant.jooq.authz.Tables.DECISION_TRACE;
import static io.sextant.jooq.authz.Tables.TRACE_BATCH;

import io.sextant.jooq.authz.tables.records.DecisionTraceRecord;
import io.sextant.jooq.authz.tables.records.TraceBatchRecord;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.RecordedTrace;
import io.sextant.platform.authz.TraceBatchInfo;
import io.sextant.platform.authz.TraceInputs;
import io.sextant.platform.authz.TraceKind;
import io.sextant.platform.authz.TraceStore;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of decision traces. Callers encode their trace (canonical JSON, digest, COPY row)
 * on their own thread and queue it; each writer thread takes whatever is waiting, up to
 * {@code sextant.authz.traces.batch-size} (default 512), and writes it in one transaction:
 *
 * <ol>
 * <li>{@code synchronous_commit} on for this transaction (the embedded server runs with it off),
 *     and a batch id from the sequence, in one round trip;</li>
 * <li>the traces, then their inputs, by {@code COPY ... FROM STDIN} on the transaction's own connection;</li>
 * <li>the audit event {@code authz.traces.committed} with the batch id, count and digest; this
 *     locks the audit chain's head until commit, so it comes late;</li>
 * <li>the batch row (the traces' reference to it is checked at commit).</li>
 * </ol>
 *
 * Only after the commit are the callers' futures completed. If a batch fails because of its data
 * (SQLSTATE class 22 or 23, e.g. a decision id that is already stored), nothing of it stays and it
 * is split in halves and retried, so only the offending traces fail; any other failure fails the
 * whole batch. On shutdown it stops taking new traces and writes everything already queued.
 */
@Component
class GroupCommitTraceStore implements TraceStore, AutoCloseable {

    static final String AUDIT_ACTION = "authz.traces.committed";
    static final String AUDIT_TARGET_TYPE = "trace_batch";
    static final int MAX_RECENT = 1000;

    private static final Logger log = LoggerFactory.getLogger(GroupCommitTraceStore.class);
    private static final String COPY_SQL = "copy authz.decision_trace (" + TraceCodec.COPY_COLUMNS + ") from stdin";
    private static final String COPY_INPUTS_SQL = "copy authz.decision_inputs (" + TraceCodec.INPUTS_COPY_COLUMNS + ") from stdin";

    private record Pending(TraceCodec.Encoded trace, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final AuditLog auditLog;
    private final AuditQuery auditQuery;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;
    private final int batchSize;
    private final BlockingQueue<Pending> queue;
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;

    GroupCommitTraceStore(DataSource dataSource, DSLContext dsl, PlatformTransactionManager transactions, AuditLog auditLog,
            AuditQuery auditQuery, Clock clock, @Value("${sextant.authz.traces.batch-size:512}") int batchSize,
            @Value("${sextant.authz.traces.writers:1}") int writerCount,
            @Value("${sextant.authz.traces.queue-capacity:65536}") int queueCapacity) {
        if (batchSize < 1 || writerCount < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("batch size, writers and queue capacity must be positive");
        }
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.auditLog = auditLog;
        this.auditQuery = auditQuery;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.batchSize = batchSize;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        for (int i = 0; i < writerCount; i++) {
            Thread t = Thread.ofPlatform().name("trace-writer-" + i).daemon(true).unstarted(this::drain);
            writers.add(t);
        }
        writers.forEach(Thread::start);
    }

    // ---------------------------------------------------------------------------------------- writing

    @Override
    public CompletableFuture<Void> record(DecisionTrace trace) {
        Pending p = new Pending(TraceCodec.encode(trace), new CompletableFuture<>());
        gate.readLock().lock();
        try {
            if (closing) {
                return CompletableFuture.failedFuture(new IllegalStateException("The trace store is shut down; trace not recorded"));
            }
            queue.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new IllegalStateException("Interrupted before the trace was queued", e));
        } finally {
            gate.readLock().unlock();
        }
        return p.done();
    }

    @Override
    public void recordAll(List<DecisionTrace> traces) {
        List<CompletableFuture<Void>> futures = new ArrayList<>(traces.size());
        for (DecisionTrace t : traces) {
            futures.add(record(t));
        }
        int failed = 0;
        Throwable first = null;
        for (CompletableFuture<Void> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                failed++;
                first = first == null ? e.getCause() : first;
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + traces.size() + " traces were not recorded", first);
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = queue.poll(); // close() never interrupts; keep draining anyway
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            try {
                writeOrSplit(batch);
            } catch (RuntimeException | Error e) { // never lose the writer thread, never leave a caller waiting
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Writes a batch and completes its futures; on a data error splits it so only the offending traces fail. */
    private void writeOrSplit(List<Pending> batch) {
        try {
            write(batch);
        } catch (RuntimeException e) {
            if (batch.size() > 1 && isDataError(e)) {
                log.debug("A batch of {} traces was refused ({}); retrying it in halves", batch.size(), e.getMessage());
                int half = batch.size() / 2;
                writeOrSplit(List.copyOf(batch.subList(0, half)));
                writeOrSplit(List.copyOf(batch.subList(half, batch.size())));
                return;
            }
            if (batch.size() == 1) {
                log.warn("Trace of decision {} not recorded: {}", batch.getFirst().trace().decisionId(), e.getMessage());
            } else {
                log.warn("A batch of {} traces was not recorded: {}", batch.size(), e.getMessage());
            }
            IllegalStateException failure = new IllegalStateException("Trace not recorded: " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        batch.forEach(p -> p.done().complete(null));
    }

    private void write(List<Pending> batch) {
        List<String> digests = new ArrayList<>(batch.size());
        Instant first = batch.getFirst().trace().decidedAt();
        Instant last = first;
        for (Pending p : batch) {
            digests.add(p.trace().digest());
            Instant at = p.trace().decidedAt();
            first = at.isBefore(first) ? at : first;
            last = at.isAfter(last) ? at : last;
        }
        String digest = TraceCodec.batchDigest(digests);
        Instant firstDecidedAt = first;
        Instant lastDecidedAt = last;
        tx.executeWithoutResult(status -> {
            long batchId = dsl.fetchSingle("select set_config('synchronous_commit', 'on', true), nextval('authz.trace_batch_batch_id_seq')")
                    .get(1, Long.class);
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                copy(c, batchId, batch);
            } catch (SQLException e) {
                throw new TraceWriteFailure(e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
            long auditSeq = auditLog.append(AuditEntry.succeeded(AUDIT_ACTION, AUDIT_TARGET_TYPE, Long.toString(batchId), Map.of(
                    "count", Integer.toString(batch.size()), "digest", digest,
                    "first_decided_at", firstDecidedAt.toString(), "last_decided_at", lastDecidedAt.toString())));
            dsl.insertInto(TRACE_BATCH)
                    .set(TRACE_BATCH.BATCH_ID, batchId)
                    .set(TRACE_BATCH.FIRST_DECIDED_AT, firstDecidedAt.atOffset(ZoneOffset.UTC))
                    .set(TRACE_BATCH.LAST_DECIDED_AT, lastDecidedAt.atOffset(ZoneOffset.UTC))
                    .set(TRACE_BATCH.TRACE_COUNT, batch.size())
                    .set(TRACE_BATCH.DIGEST, digest)
                    .set(TRACE_BATCH.AUDIT_SEQ, auditSeq)
                    .set(TRACE_BATCH.COMMITTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute();
        });
    }

    private static void copy(Connection c, long batchId, List<Pending> batch) throws SQLException {
        ByteArrayOutputStream rows = new ByteArrayOutputStream(batch.size() * 2048);
        ByteArrayOutputStream inputs = new ByteArrayOutputStream(batch.size() * 1024);
        for (int i = 0; i < batch.size(); i++) {
            rows.writeBytes((batchId + "\t" + i + "\t").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            rows.writeBytes(batch.get(i).trace().copyTail());
            inputs.writeBytes(batch.get(i).trace().inputsRow());
        }
        copyIn(c, COPY_SQL, rows.toByteArray());
        copyIn(c, COPY_INPUTS_SQL, inputs.toByteArray());
    }

    private static void copyIn(Connection c, String sql, byte[] bytes) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** A data problem of this batch (class 22 data exception, class 23 integrity violation): other traces may still be fine. */
    private static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static final class TraceWriteFailure extends RuntimeException {
        TraceWriteFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Stops taking traces, writes everything queued, and waits for the writers (at most 60 s). */
    @Override
    @PreDestroy
    public void close() {
        gate.writeLock().lock();
        try {
            closing = true;
        } finally {
            gate.writeLock().unlock();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Thread t : writers) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            log.error("{} queued traces were not written before shutdown", left.size());
            left.forEach(p -> p.done().completeExceptionally(new IllegalStateException("The trace store shut down before the trace was written")));
        }
    }

    // ---------------------------------------------------------------------------------------- reading

    @Override
    public Optional<RecordedTrace> read(UUID decisionId) {
        return withInputs().where(DECISION_TRACE.DECISION_ID.eq(decisionId)).fetchOptional(GroupCommitTraceStore::recorded);
    }

    @Override
    public List<RecordedTrace> readRecent(UUID projectId, Instant from, Instant to, @Nullable TraceKind kind, int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT + ", was " + limit);
        }
        Condition where = DECISION_TRACE.PROJECT_ID.eq(projectId)
                .and(DECISION_TRACE.DECIDED_AT.ge(from.atOffset(ZoneOffset.UTC)))
                .and(DECISION_TRACE.DECIDED_AT.lt(to.atOffset(ZoneOffset.UTC)));
        if (kind != null) {
            where = where.and(DECISION_TRACE.KIND.eq(kind.name().toLowerCase(Locale.ROOT)));
        }
        return withInputs().where(where)
                .orderBy(DECISION_TRACE.DECIDED_AT.desc(), DECISION_TRACE.DECISION_ID)
                .limit(limit).fetch(GroupCommitTraceStore::recorded);
    }

    private SelectOnConditionStep<Record> withInputs() {
        return dsl.select(DECISION_TRACE.fields()).select(DECISION_INPUTS.INPUTS).from(DECISION_TRACE)
                .leftJoin(DECISION_INPUTS).on(DECISION_INPUTS.DECISION_ID.eq(DECISION_TRACE.DECISION_ID));
    }

    private static RecordedTrace recorded(Record r) {
        DecisionTraceRecord row = r.into(DECISION_TRACE);
        JSONB inputs = r.get(DECISION_INPUTS.INPUTS);
        boolean purged = row.getInputsDigest() != null && inputs == null;
        return new RecordedTrace(TraceCodec.decode(row, inputs == null ? null : inputs.data()), purged ? TraceInputs.PURGED : TraceInputs.COMPLETE);
    }

    @Override
    public int purgeInputs(UUID decisionId, String purgedBy) {
        String digest = dsl.select(DECISION_TRACE.INPUTS_DIGEST).from(DECISION_TRACE).where(DECISION_TRACE.DECISION_ID.eq(decisionId))
                .fetchOptional()
                .orElseThrow(() -> new NoSuchElementException("No trace of decision " + decisionId + " is stored"))
                .value1();
        if (digest == null) {
            throw new IllegalStateException("Decision " + decisionId + " was recorded before inputs were kept apart from traces; "
                    + "its inputs cannot be purged without failing its batch's verification");
        }
        // the replays of a decision copied its inputs: they go with it (a replay names the decision it replays as its request)
        return dsl.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS, (JSONB) null)
                .set(DECISION_INPUTS.PURGED_AT, clock.instant().atOffset(ZoneOffset.UTC)).set(DECISION_INPUTS.PURGED_BY, purgedBy)
                .where(DECISION_INPUTS.INPUTS.isNotNull())
                .and(DECISION_INPUTS.DECISION_ID.eq(decisionId).or(DECISION_INPUTS.DECISION_ID.in(
                        dsl.select(DECISION_TRACE.DECISION_ID).from(DECISION_TRACE)
                                .where(DECISION_TRACE.KIND.eq("replay")).and(DECISION_TRACE.REQUEST_ID.eq(decisionId.toString())))))
                .execute();
    }

    @Override
    public TraceBatchInfo batchOf(UUID decisionId) {
        return dsl.select(TRACE_BATCH.fields()).from(TRACE_BATCH)
                .join(DECISION_TRACE).on(DECISION_TRACE.BATCH_ID.eq(TRACE_BATCH.BATCH_ID))
                .where(DECISION_TRACE.DECISION_ID.eq(decisionId))
                .fetchOptional(r -> info(r.into(TRACE_BATCH)))
                .orElseThrow(() -> new NoSuchElementException("No trace of decision " + decisionId + " is stored"));
    }

    @Override
    public boolean verifyBatch(long batchId) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            TraceBatchRecord batch = dsl.fetchOptional(TRACE_BATCH, TRACE_BATCH.BATCH_ID.eq(batchId))
                    .orElseThrow(() -> new NoSuchElementException("No trace batch " + batchId));
            String problem = problemOf(batch);
            if (problem != null) {
                log.warn("Trace batch {} does not verify: {}", batchId, problem);
                return false;
            }
            return true;
        }));
    }

    /** The first thing wrong with a batch, or null. */
    private @Nullable String problemOf(TraceBatchRecord batch) {
        var joined = dsl.select(DECISION_TRACE.fields()).select(DECISION_INPUTS.DECISION_ID, DECISION_INPUTS.INPUTS, DECISION_INPUTS.PURGED_AT)
                .from(DECISION_TRACE).leftJoin(DECISION_INPUTS).on(DECISION_INPUTS.DECISION_ID.eq(DECISION_TRACE.DECISION_ID))
                .where(DECISION_TRACE.BATCH_ID.eq(batch.getBatchId())).orderBy(DECISION_TRACE.SEQ_IN_BATCH).fetch();
        List<DecisionTraceRecord> rows = joined.map(r -> r.into(DECISION_TRACE));
        if (rows.size() != batch.getTraceCount()) {
            return "it holds " + rows.size() + " traces, its row says " + batch.getTraceCount();
        }
        List<String> digests = new ArrayList<>(rows.size());
        Instant first = null;
        Instant last = null;
        for (int i = 0; i < rows.size(); i++) {
            DecisionTraceRecord r = rows.get(i);
            if (r.getSeqInBatch() != i) {
                return "position " + i + " holds the trace at position " + r.getSeqInBatch();
            }
            String digest;
            try {
                digest = TraceCodec.sha256Hex(TraceCodec.canonicalOf(r));
            } catch (RuntimeException e) {
                return "the trace of decision " + r.getDecisionId() + " cannot be read back: " + e.getMessage();
            }
            if (!digest.equals(r.getDigest())) {
                return "the trace of decision " + r.getDecisionId() + " does not match its digest";
            }
            String inputsProblem = inputsProblem(r, joined.get(i));
            if (inputsProblem != null) {
                return inputsProblem;
            }
            digests.add(digest);
            Instant at = r.getDecidedAt().toInstant();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        String digest = TraceCodec.batchDigest(digests);
        if (!digest.equals(batch.getDigest())) {
            return "the digest recomputed from its traces differs from the batch row's";
        }
        if (!batch.getFirstDecidedAt().toInstant().equals(first) || !batch.getLastDecidedAt().toInstant().equals(last)) {
            return "its time range differs from its traces'";
        }
        Long seq = batch.getAuditSeq();
        List<AuditEventView> events = auditQuery.find(new AuditFilter(null, AUDIT_ACTION, null, null), seq + 1, 1).events();
        if (events.isEmpty() || events.getFirst().seq() != seq) {
            return "no audit event " + AUDIT_ACTION + " is stored at seq " + seq;
        }
        AuditEventView event = events.getFirst();
        if (!Long.toString(batch.getBatchId()).equals(event.targetId()) || !AUDIT_TARGET_TYPE.equals(event.targetType())) {
            return "the audit event at seq " + seq + " records another batch (" + event.targetId() + ")";
        }
        if (!digest.equals(event.details().get("digest"))) {
            return "the digest recomputed from its traces differs from the one in audit event " + seq;
        }
        if (!Integer.toString(rows.size()).equals(event.details().get("count"))) {
            return "audit event " + seq + " records " + event.details().get("count") + " traces, the batch holds " + rows.size();
        }
        return null;
    }

    /** What is wrong with a trace's inputs row, or null: purged inputs pass, since the trace's digest keeps their hash. */
    private static @Nullable String inputsProblem(DecisionTraceRecord trace, Record joined) {
        if (trace.getInputsDigest() == null) {
            return null; // recorded before inputs were kept apart: the values are in the trace row, covered by its digest
        }
        if (joined.get(DECISION_INPUTS.DECISION_ID) == null) {
            return "the inputs of decision " + trace.getDecisionId() + " are missing (purged inputs keep their row)";
        }
        JSONB inputs = joined.get(DECISION_INPUTS.INPUTS);
        if (inputs == null) {
            return joined.get(DECISION_INPUTS.PURGED_AT) == null ? "the inputs of decision " + trace.getDecisionId() + " are empty but not purged" : null;
        }
        try {
            if (!TraceCodec.sha256Hex(TraceJson.recanonicalize(inputs.data())).equals(trace.getInputsDigest())) {
                return "the inputs of decision " + trace.getDecisionId() + " do not match their digest";
            }
        } catch (RuntimeException e) {
            return "the inputs of decision " + trace.getDecisionId() + " cannot be read back: " + e.getMessage();
        }
        return null;
    }

    private static TraceBatchInfo info(TraceBatchRecord r) {
        return new TraceBatchInfo(r.getBatchId(), r.getTraceCount(), r.getFirstDecidedAt().toInstant(),
                r.getLastDecidedAt().toInstant(), r.getDigest(), r.getAuditSeq(), r.getCommittedAt().toInstant());
    }
}
