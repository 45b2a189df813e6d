package io.sextant.platform.authz.internal;

import static io.sextant.jooq.authz.Tables.TRACE_BATCH;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.TraceKind;
import io.sextant.platform.authz.TraceSamples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * bench/traces/run.sh: decisions with durable traces per second through {@code record(...).join()}
 * under 1, 8 and 32 concurrent callers, each beside one COPY of the same number of rows in one
 * transaction (same columns, a fresh batch, synchronous commit) taken just before it (not part of
 * the suite). Each caller records pre-built traces one at a time and
 * waits for each to be committed, as a decision point would; encoding is part of the measured
 * time, building the trace objects is not.
 */
@PlatformTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TraceBenchmark {

    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditQuery auditQuery;
    @Autowired
    Clock clock;

    private final UUID project = UUID.randomUUID();
    private final AtomicInteger serial = new AtomicInteger();

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("bench.n", 50_000);
        int[] callers = Arrays.stream(System.getProperty("bench.callers", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        int writers = Integer.getInteger("bench.writers", 1);
        int batchSize = Integer.getInteger("bench.batch-size", 512);

        // warm-up: JIT, connection, table and indexes in memory
        run(8, Math.min(n, 5_000), writers, batchSize);
        copyOnce(Math.min(n, 5_000));

        // each run beside a COPY of the same number of rows just before it, so drift in the machine's load and the table's size hits both
        List<String> lines = new ArrayList<>();
        for (int c : callers) {
            double copy = copyOnce(n);
            Result r = run(c, n, writers, batchSize);
            String line = String.format("BENCH traces N=%d callers=%2d writers=%d: record().join() %6.0f decisions/s | COPY %6.0f rows/s | %3.0f%% of COPY"
                    + "  (%d batches, mean %.1f traces/batch, p50 %.2f ms, p99 %.2f ms, load %s)", n, c, writers, r.perSecond(), copy,
                    100 * r.perSecond() / copy, r.batches(), (double) n / r.batches(), r.p50Millis(), r.p99Millis(), load());
            System.out.println(line);
            lines.add(line);
        }
        System.out.println("BENCH traces ---- side by side ----");
        lines.forEach(System.out::println);
    }

    /** The 1-minute load average: other work on the machine shows here. */
    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private record Result(double perSecond, int batches, double p50Millis, double p99Millis) {
    }

    private Result run(int callers, int n, int writers, int batchSize) throws Exception {
        List<DecisionTrace> traces = traces(n);
        long batchesBefore = maxBatchId();
        GroupCommitTraceStore store = new GroupCommitTraceStore(dataSource, dsl, transactions, auditLog, auditQuery, clock,
                batchSize, writers, 65_536);
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        long t0;
        long t1;
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        store.record(traces.get(i)).join();
                        latencies[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            t0 = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            t1 = System.nanoTime();
        } finally {
            store.close();
        }
        int batches = dsl.fetchCount(TRACE_BATCH, TRACE_BATCH.BATCH_ID.gt(batchesBefore));
        Arrays.sort(latencies);
        return new Result(n / ((t1 - t0) / 1e9), batches, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
    }

    /** One transaction as a single batch of n rows would write it: batch id, COPY, audit event, batch row. Returns rows/s. */
    private double copyOnce(int n) {
        List<TraceCodec.Encoded> encoded = traces(n).stream().map(TraceCodec::encode).toList();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long t0 = System.nanoTime();
        tx.executeWithoutResult(status -> {
            long batchId = dsl.fetchSingle("select set_config('synchronous_commit', 'on', true), nextval('authz.trace_batch_batch_id_seq')")
                    .get(1, Long.class);
            ByteArrayOutputStream rows = new ByteArrayOutputStream(n * 2048);
            for (int i = 0; i < n; i++) {
                rows.writeBytes((batchId + "\t" + i + "\t").getBytes(StandardCharsets.US_ASCII));
                rows.writeBytes(encoded.get(i).copyTail());
            }
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy authz.decision_trace (" + TraceCodec.COPY_COLUMNS + ") from stdin");
                byte[] bytes = rows.toByteArray();
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
            String digest = TraceCodec.batchDigest(encoded.stream().map(TraceCodec.Encoded::digest).toList());
            long seq = auditLog.append(AuditEntry.succeeded(GroupCommitTraceStore.AUDIT_ACTION, GroupCommitTraceStore.AUDIT_TARGET_TYPE,
                    Long.toString(batchId), Map.of("count", Integer.toString(n), "digest", digest)));
            dsl.insertInto(TRACE_BATCH).set(TRACE_BATCH.BATCH_ID, batchId)
                    .set(TRACE_BATCH.FIRST_DECIDED_AT, encoded.getFirst().decidedAt().atOffset(ZoneOffset.UTC))
                    .set(TRACE_BATCH.LAST_DECIDED_AT, encoded.getLast().decidedAt().atOffset(ZoneOffset.UTC))
                    .set(TRACE_BATCH.TRACE_COUNT, n).set(TRACE_BATCH.DIGEST, digest).set(TRACE_BATCH.AUDIT_SEQ, seq)
                    .set(TRACE_BATCH.COMMITTED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        });
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private List<DecisionTrace> traces(int n) {
        Instant start = Instant.parse("2025-10-01T00:00:00Z").plusSeconds(serial.getAndAdd(n));
        List<DecisionTrace> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(TraceSamples.exact(project, TraceKind.LIVE, start.plusMillis(i), i));
        }
        return out;
    }

    private long maxBatchId() {
        Long max = dsl.select(org.jooq.impl.DSL.max(TRACE_BATCH.BATCH_ID)).from(TRACE_BATCH).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }
}
