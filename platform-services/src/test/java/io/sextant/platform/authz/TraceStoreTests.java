package io.sextant.platform.authz;

import static io.sextant.jooq.authz.Tables.DECISION_INPUTS;
import static io.sextant.jooq.authz.Tables.DECISION_TRACE;
import static io.sextant.jooq.authz.Tables.TRACE_BATCH;
import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.spring.PlatformDatabaseEnvironment;
import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.audit.VerificationReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The decision-trace store on real PostgreSQL: durable, grouped, append-only, tamper-evident. */
@PlatformTest
@WithMockUser(username = "clara", roles = "COMPLIANCE")
class TraceStoreTests {

    @Autowired
    TraceStore store;
    @Autowired
    DSLContext dsl;
    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditVerifier auditVerifier;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void recordedTraceComesBackEqualAndItsBatchVerifies() {
        UUID project = UUID.randomUUID();
        DecisionTrace trace = TraceSamples.exact(project, 1);

        store.record(trace).join();

        assertThat(store.find(trace.decisionId())).contains(trace);
        TraceBatchInfo batch = store.batchOf(trace.decisionId());
        assertThat(batch.traceCount()).isGreaterThanOrEqualTo(1);
        assertThat(batch.digest()).matches("[0-9a-f]{64}");
        assertThat(store.verifyBatch(batch.batchId())).isTrue();
        assertThat(dsl.fetchSingle(AUDIT_EVENT, AUDIT_EVENT.SEQ.eq(batch.auditSeq())).getAction()).isEqualTo("authz.traces.committed");
        // the by-hand check of docs/authz-traces.md
        assertThat(dsl.fetchValue("""
                select encode(sha256(convert_to(string_agg(digest, '' order by seq_in_batch), 'UTF8')), 'hex')
                  from authz.decision_trace where batch_id = ?""", batch.batchId())).isEqualTo(batch.digest());
    }

    @Test
    void valuesComeBackInTheJsonValueModel() {
        UUID project = UUID.randomUUID();
        UUID someId = UUID.randomUUID();
        Instant someTime = Instant.parse("2025-01-02T03:04:05.123456789Z");
        DecisionTrace base = TraceSamples.exact(project, 2);
        DecisionTrace trace = TraceSamples.withContext(base, TraceSamples.map("uuid", someId, "instant", someTime, "int", 7,
                "double", 2.0, "small", 0.1, "emoji", "😀 ok", "big", new BigDecimal("1E+3"), "kind", TraceKind.REPLAY, "nested",
                List.of(TraceSamples.map("n", (short) 3, "x", null))));
        DecisionTrace withNanos = new DecisionTrace(trace.decisionId(), null, trace.kind(), null, trace.principal(),
                trace.action(), trace.resourceType(), trace.resource(), trace.context(), trace.policyVersionHash(),
                trace.engineVersion(), trace.rules(), trace.effect(), trace.decidingRules(),
                Instant.parse("2025-11-26T01:22:00.123456789Z"));

        store.record(withNanos).join();

        DecisionTrace back = store.find(trace.decisionId()).orElseThrow();
        assertThat(back.context()).containsExactly(
                Map.entry("big", 1000L), Map.entry("double", new BigDecimal("2.0")), Map.entry("emoji", "😀 ok"), Map.entry("instant", someTime.toString()),
                Map.entry("int", 7L), Map.entry("kind", "REPLAY"),
                Map.entry("nested", List.of(TraceSamples.map("n", 3L, "x", null))), Map.entry("small", new BigDecimal("0.1")),
                Map.entry("uuid", someId.toString()));
        assertThat(back.decidedAt()).isEqualTo(Instant.parse("2025-11-26T01:22:00.123456Z"));
        assertThat(back.requestId()).isNull();
        assertThat(back.projectId()).isNull();
        assertThat(store.verifyBatch(store.batchOf(trace.decisionId()).batchId())).isTrue();
    }

    @Test
    void valuesThatCannotComeBackExactlyAreRefused() {
        DecisionTrace base = TraceSamples.exact(UUID.randomUUID(), 3);
        assertThatThrownBy(() -> store.record(TraceSamples.withContext(base, Map.of("s", Set.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.record(TraceSamples.withContext(base, Map.of("n", Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.record(TraceSamples.withContext(base, Map.of("nul", "a\u0000b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.record(TraceSamples.withContext(base, Map.of("half", "\uD800"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(base.decisionId())).isEmpty();
    }

    @Test
    void recentListsAProjectsTracesNewestFirstByKind() {
        UUID project = UUID.randomUUID();
        Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
        List<DecisionTrace> traces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            traces.add(TraceSamples.exact(project, i % 2 == 0 ? TraceKind.LIVE : TraceKind.SIMULATION, t0.plusSeconds(i), i));
        }
        traces.add(TraceSamples.exact(UUID.randomUUID(), TraceKind.LIVE, t0.plusSeconds(3), 99)); // another project
        store.recordAll(traces);

        assertThat(store.recent(project, t0, t0.plusSeconds(60), null, 10)).extracting(DecisionTrace::decidedAt)
                .containsExactly(t0.plusSeconds(5), t0.plusSeconds(4), t0.plusSeconds(3), t0.plusSeconds(2), t0.plusSeconds(1), t0);
        assertThat(store.recent(project, t0, t0.plusSeconds(60), TraceKind.SIMULATION, 2)).extracting(DecisionTrace::decidedAt)
                .containsExactly(t0.plusSeconds(5), t0.plusSeconds(3));
        assertThat(store.recent(project, t0.plusSeconds(1), t0.plusSeconds(3), TraceKind.LIVE, 10)).extracting(DecisionTrace::decidedAt)
                .containsExactly(t0.plusSeconds(2));
        assertThat(store.recent(project, t0, t0.plusSeconds(60), TraceKind.REPLAY, 10)).isEmpty();
        assertThatThrownBy(() -> store.recent(project, t0, t0.plusSeconds(60), null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(username = "clara", roles = {"COMPLIANCE", "SECURITY_ADMIN"})
    void concurrentCallersAreGroupedIntoVerifiableBatches() throws Exception {
        int threads = 16;
        int perThread = 125;
        UUID project = UUID.randomUUID();
        Instant start = Instant.parse("2025-07-01T00:00:00Z");
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        DecisionTrace trace = TraceSamples.exact(project, TraceKind.LIVE, start.plusMillis(thread * 1000L + i), i);
                        store.record(trace).join(); // a caller waits for durability before it uses the decision
                        ids.add(trace.decisionId());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        }

        assertThat(ids).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(dsl.fetchCount(DECISION_TRACE, DECISION_TRACE.DECISION_ID.in(ids))).isEqualTo(threads * perThread);
        List<Long> batches = dsl.selectDistinct(DECISION_TRACE.BATCH_ID).from(DECISION_TRACE)
                .where(DECISION_TRACE.DECISION_ID.in(ids)).fetch(DECISION_TRACE.BATCH_ID);
        assertThat(batches.size()).as("traces were grouped into batches").isGreaterThan(1).isLessThan(threads * perThread);
        for (long batch : batches) {
            assertThat(store.verifyBatch(batch)).as("batch %d verifies", batch).isTrue();
        }
        VerificationReport report = auditVerifier.verify();
        assertThat(report.problem()).isNull();
        assertNoPartialBatches();
    }

    @Test
    void aTamperedTraceMakesItsBatchFailVerification() {
        List<DecisionTrace> traces = TraceSamples.many(UUID.randomUUID(), Instant.parse("2025-08-01T00:00:00Z"), 5);
        store.recordAll(traces);
        DecisionTrace victim = traces.get(2);
        TraceBatchInfo batch = store.batchOf(victim.decisionId());
        assertThat(store.verifyBatch(batch.batchId())).isTrue();
        DSLContext owner = owner();
        var original = owner.fetchSingle(DECISION_TRACE, DECISION_TRACE.DECISION_ID.eq(victim.decisionId()));
        TraceBatchInfo originalBatch = batch;
        try {
            // a changed effect
            owner.update(DECISION_TRACE).set(DECISION_TRACE.EFFECT, "DENY").where(DECISION_TRACE.DECISION_ID.eq(victim.decisionId())).execute();
            assertThat(store.verifyBatch(batch.batchId())).isFalse();
            restore(owner, original);
            assertThat(store.verifyBatch(batch.batchId())).isTrue();

            // a value added inside a jsonb snapshot
            owner.update(DECISION_TRACE).set(DECISION_TRACE.RESOURCE,
                    DSL.field("resource || '{\"owner\": \"mallory\"}'::jsonb", JSONB.class))
                    .where(DECISION_TRACE.DECISION_ID.eq(victim.decisionId())).execute();
            assertThat(store.verifyBatch(batch.batchId())).isFalse();
            restore(owner, original);

            // a careful attacker: new effect, recomputed trace digest and batch digest; only the audit event still disagrees
            DecisionTrace forged = TraceSamples.withEffect(victim, Effect.DENY);
            String forgedDigest = sha256Hex(canonical(forged, original.getInputsDigest()));
            owner.update(DECISION_TRACE).set(DECISION_TRACE.EFFECT, "DENY").set(DECISION_TRACE.DIGEST, forgedDigest)
                    .where(DECISION_TRACE.DECISION_ID.eq(victim.decisionId())).execute();
            List<String> digests = owner.select(DECISION_TRACE.DIGEST).from(DECISION_TRACE)
                    .where(DECISION_TRACE.BATCH_ID.eq(batch.batchId())).orderBy(DECISION_TRACE.SEQ_IN_BATCH).fetch(DECISION_TRACE.DIGEST);
            owner.update(TRACE_BATCH).set(TRACE_BATCH.DIGEST, sha256Hex(String.join("", digests)))
                    .where(TRACE_BATCH.BATCH_ID.eq(batch.batchId())).execute();
            assertThat(store.verifyBatch(batch.batchId())).isFalse();
        } finally {
            restore(owner, original);
            owner.update(TRACE_BATCH).set(TRACE_BATCH.DIGEST, originalBatch.digest()).where(TRACE_BATCH.BATCH_ID.eq(batch.batchId())).execute();
        }
        assertThat(store.verifyBatch(batch.batchId())).isTrue();
    }

    @Test
    void aTraceRowHoldsOnlyTheStructureOfItsInputsAndTheirValuesLiveApart() {
        DecisionTrace trace = TraceSamples.exact(UUID.randomUUID(), 5);
        store.record(trace).join();
        var row = dsl.fetchSingle(DECISION_TRACE, DECISION_TRACE.DECISION_ID.eq(trace.decisionId()));
        assertThat(row.getResource().data()).contains("\"name\"").doesNotContain("orders_5");
        assertThat(row.getPrincipal().data()).doesNotContain("operator-5");
        assertThat(row.getRules().data()).contains("resource.tenant_id").doesNotContain(trace.projectId().toString());
        assertThat(row.getInputsDigest()).matches("[0-9a-f]{64}");
        assertThat(dsl.fetchValue(DECISION_INPUTS.INPUTS, DECISION_INPUTS.DECISION_ID.eq(trace.decisionId())).data())
                .contains("orders_5").contains("operator-5").contains("\"salt\"");
        assertThat(store.read(trace.decisionId()).orElseThrow().inputs()).isEqualTo(TraceInputs.COMPLETE);
    }

    @Test
    void purgedInputsKeepTheirHashSoTheBatchAndTheChainStillVerify() {
        List<DecisionTrace> traces = TraceSamples.many(UUID.randomUUID(), Instant.parse("2025-09-01T00:00:00Z"), 3);
        DecisionTrace replay = new DecisionTrace(UUID.randomUUID(), traces.get(1).decisionId().toString(), TraceKind.REPLAY,
                traces.get(1).projectId(), traces.get(1).principal(), "read", "table", traces.get(1).resource(), traces.get(1).context(),
                "9f".repeat(32), "engine-1.0.0", traces.get(1).rules(), Effect.ALLOW, List.of("r1"), Instant.parse("2025-09-01T00:01:00Z"));
        store.recordAll(traces);
        store.record(replay).join();
        DecisionTrace victim = traces.get(1);
        long batch = store.batchOf(victim.decisionId()).batchId();

        int purged = new TransactionTemplate(transactions).execute(s -> store.purgeInputs(victim.decisionId(), "clara"));

        assertThat(purged).as("the decision and its replay").isEqualTo(2);
        assertThat(dsl.fetchValue(DECISION_INPUTS.INPUTS, DECISION_INPUTS.DECISION_ID.eq(victim.decisionId()))).isNull();
        RecordedTrace read = store.read(victim.decisionId()).orElseThrow();
        assertThat(read.inputs()).isEqualTo(TraceInputs.PURGED);
        assertThat(read.trace().resource()).containsOnlyKeys(victim.resource().keySet()).allSatisfy((k, v) -> assertThat(v).isEqualTo(TraceMask.PURGED));
        assertThat(read.trace().toString()).doesNotContain("orders_1").doesNotContain("operator-1");
        assertThat(read.trace().effect()).isEqualTo(victim.effect());
        assertThat(store.read(replay.decisionId()).orElseThrow().inputs()).isEqualTo(TraceInputs.PURGED);
        assertThat(store.find(traces.get(0).decisionId())).contains(traces.get(0));
        assertThat(store.verifyBatch(batch)).isTrue();
        assertThat(store.verifyBatch(store.batchOf(replay.decisionId()).batchId())).isTrue();
        assertThat(auditVerifier.verify().problem()).isNull();

        // content, once gone, cannot come back, not even as the owner: only a purge may change a row
        DSLContext owner = owner();
        assertThatThrownBy(() -> owner.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS, JSONB.valueOf("{}"))
                .where(DECISION_INPUTS.DECISION_ID.eq(victim.decisionId())).execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class).hasMessageContaining("can only be purged");
        // the runtime role may purge, nothing else: no delete, no change of content
        assertThatThrownBy(() -> dsl.deleteFrom(DECISION_INPUTS).where(DECISION_INPUTS.DECISION_ID.eq(traces.get(0).decisionId())).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS, JSONB.valueOf("{}"))
                .where(DECISION_INPUTS.DECISION_ID.eq(traces.get(0).decisionId())).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("can only be purged");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).execute(s -> store.purgeInputs(UUID.randomUUID(), "clara")))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void changedOrMissingInputsMakeTheirBatchFailVerification() {
        List<DecisionTrace> traces = TraceSamples.many(UUID.randomUUID(), Instant.parse("2025-10-01T00:00:00Z"), 3);
        store.recordAll(traces);
        DecisionTrace victim = traces.get(2);
        long batch = store.batchOf(victim.decisionId()).batchId();
        DSLContext owner = owner();
        var original = owner.fetchSingle(DECISION_INPUTS, DECISION_INPUTS.DECISION_ID.eq(victim.decisionId()));
        owner.execute("alter table authz.decision_inputs disable trigger decision_inputs_purge_only");
        try {
            owner.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS,
                    DSL.field("jsonb_set(inputs, '{resource,name}', '\"orders_x\"')", JSONB.class))
                    .where(DECISION_INPUTS.DECISION_ID.eq(victim.decisionId())).execute();
            assertThat(store.verifyBatch(batch)).as("a changed value").isFalse();
            owner.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS, original.getInputs())
                    .where(DECISION_INPUTS.DECISION_ID.eq(victim.decisionId())).execute();
            assertThat(store.verifyBatch(batch)).isTrue();
            // emptied without a purge record: the table itself refuses it
            assertThatThrownBy(() -> owner.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS, (JSONB) null)
                    .where(DECISION_INPUTS.DECISION_ID.eq(victim.decisionId())).execute())
                    .isInstanceOf(org.jooq.exception.DataAccessException.class).hasMessageContaining("check constraint");
        } finally {
            owner.update(DECISION_INPUTS).set(DECISION_INPUTS.INPUTS, original.getInputs())
                    .where(DECISION_INPUTS.DECISION_ID.eq(victim.decisionId())).execute();
            owner.execute("alter table authz.decision_inputs enable trigger decision_inputs_purge_only");
        }
        owner.deleteFrom(DECISION_INPUTS).where(DECISION_INPUTS.DECISION_ID.eq(victim.decisionId())).execute();
        try {
            assertThat(store.verifyBatch(batch)).as("inputs deleted without a purge").isFalse();
        } finally {
            original.changed(true);
            owner.insertInto(DECISION_INPUTS).set(original).execute();
        }
        assertThat(store.verifyBatch(batch)).isTrue();
    }

    /**
     * A trace recorded before V0016 keeps its values in its row and has no inputs digest: it still
     * reads back complete and its batch verifies, and its inputs cannot be purged (that would break
     * its digest). Written here as the old store wrote it: row, audit event and batch in one transaction.
     */
    @Test
    void aTraceRecordedBeforeInputsWereKeptApartReadsAndVerifiesButCannotBePurged() {
        DecisionTrace trace = TraceSamples.exact(UUID.randomUUID(), 6);
        String digest = sha256Hex(io.sextant.platform.authz.internal.TraceCodecAccess.legacyCanonical(trace));
        String batchDigest = sha256Hex(digest);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long batchId = tx.execute(s -> {
            long id = dsl.fetchSingle("select nextval('authz.trace_batch_batch_id_seq')").get(0, Long.class);
            dsl.insertInto(DECISION_TRACE).set(DECISION_TRACE.DECISION_ID, trace.decisionId()).set(DECISION_TRACE.BATCH_ID, id)
                    .set(DECISION_TRACE.SEQ_IN_BATCH, 0).set(DECISION_TRACE.REQUEST_ID, trace.requestId()).set(DECISION_TRACE.KIND, "live")
                    .set(DECISION_TRACE.PROJECT_ID, trace.projectId()).set(DECISION_TRACE.PRINCIPAL, json(trace.principal()))
                    .set(DECISION_TRACE.ACTION, trace.action()).set(DECISION_TRACE.RESOURCE_TYPE, trace.resourceType())
                    .set(DECISION_TRACE.RESOURCE, json(trace.resource())).set(DECISION_TRACE.CONTEXT, json(trace.context()))
                    .set(DECISION_TRACE.POLICY_VERSION_HASH, trace.policyVersionHash()).set(DECISION_TRACE.ENGINE_VERSION, trace.engineVersion())
                    .set(DECISION_TRACE.RULES, JSONB.valueOf(io.sextant.platform.authz.internal.TraceCodecAccess.legacyRules(trace)))
                    .set(DECISION_TRACE.EFFECT, trace.effect().name()).set(DECISION_TRACE.DECIDING_RULES, json(trace.decidingRules()))
                    .set(DECISION_TRACE.DECIDED_AT, trace.decidedAt().atOffset(java.time.ZoneOffset.UTC)).set(DECISION_TRACE.DIGEST, digest)
                    .execute();
            long seq = auditLog.append(AuditEntry.succeeded("authz.traces.committed", "trace_batch", Long.toString(id),
                    Map.of("count", "1", "digest", batchDigest)));
            dsl.insertInto(TRACE_BATCH).set(TRACE_BATCH.BATCH_ID, id).set(TRACE_BATCH.FIRST_DECIDED_AT, trace.decidedAt().atOffset(java.time.ZoneOffset.UTC))
                    .set(TRACE_BATCH.LAST_DECIDED_AT, trace.decidedAt().atOffset(java.time.ZoneOffset.UTC)).set(TRACE_BATCH.TRACE_COUNT, 1)
                    .set(TRACE_BATCH.DIGEST, batchDigest).set(TRACE_BATCH.AUDIT_SEQ, seq)
                    .set(TRACE_BATCH.COMMITTED_AT, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).execute();
            return id;
        });

        RecordedTrace read = store.read(trace.decisionId()).orElseThrow();
        assertThat(read.inputs()).isEqualTo(TraceInputs.COMPLETE);
        assertThat(read.trace()).isEqualTo(trace);
        assertThat(TraceMask.rowValuesMasked(read.trace()).toString()).doesNotContain("orders_6");
        assertThat(store.verifyBatch(batchId)).isTrue();
        assertThatThrownBy(() -> tx.execute(s -> store.purgeInputs(trace.decisionId(), "clara")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before inputs were kept apart");
        owner().update(DECISION_TRACE).set(DECISION_TRACE.EFFECT, "DENY").where(DECISION_TRACE.DECISION_ID.eq(trace.decisionId())).execute();
        try {
            assertThat(store.verifyBatch(batchId)).as("a legacy trace is still checked against its digest").isFalse();
        } finally {
            owner().update(DECISION_TRACE).set(DECISION_TRACE.EFFECT, "ALLOW").where(DECISION_TRACE.DECISION_ID.eq(trace.decisionId())).execute();
        }
    }

    private static JSONB json(Object value) {
        return JSONB.valueOf(io.sextant.platform.authz.internal.TraceCodecAccess.json(value));
    }

    @Test
    void theRuntimeRoleCannotChangeOrDeleteTraces() {
        DecisionTrace trace = TraceSamples.exact(UUID.randomUUID(), 4);
        store.record(trace).join();
        long batchId = store.batchOf(trace.decisionId()).batchId();

        assertThatThrownBy(() -> dsl.update(DECISION_TRACE).set(DECISION_TRACE.EFFECT, "DENY")
                .where(DECISION_TRACE.DECISION_ID.eq(trace.decisionId())).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.deleteFrom(DECISION_TRACE).where(DECISION_TRACE.DECISION_ID.eq(trace.decisionId())).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.update(TRACE_BATCH).set(TRACE_BATCH.DIGEST, "0".repeat(64))
                .where(TRACE_BATCH.BATCH_ID.eq(batchId)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.deleteFrom(TRACE_BATCH).where(TRACE_BATCH.BATCH_ID.eq(batchId)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.truncate(DECISION_TRACE).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(store.find(trace.decisionId())).contains(trace);
        assertThat(store.verifyBatch(batchId)).isTrue();
    }

    /**
     * A duplicate decision id fails its batch's transaction: nothing of that batch stays, the
     * batch is retried in halves, and only the duplicate's future fails. The writer is held on
     * the audit chain's lock first, so the duplicate really shares a batch with innocent traces.
     */
    @Test
    void aFailingTraceFailsAloneAndLeavesNoPartialBatch() throws Exception {
        UUID project = UUID.randomUUID();
        DecisionTrace original = TraceSamples.exact(project, 10);
        store.record(original).join();
        long batchesBefore = dsl.fetchCount(TRACE_BATCH);

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            auditLog.append(AuditEntry.succeeded("test.hold-chain-head", "test_target", null, Map.of()));
            locked.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        DecisionTrace first;
        DecisionTrace a;
        DecisionTrace duplicate;
        DecisionTrace b;
        CompletableFuture<Void> fFirst;
        CompletableFuture<Void> fA;
        CompletableFuture<Void> fDuplicate;
        CompletableFuture<Void> fB;
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            first = TraceSamples.exact(project, 11);
            fFirst = store.record(first);
            awaitWriterBlockedOnChainHead();
            a = TraceSamples.exact(project, 12);
            duplicate = TraceSamples.withEffect(TraceSamples.exact(project, 13), Effect.DENY);
            duplicate = TraceSamples.withId(duplicate, original.decisionId());
            b = TraceSamples.exact(project, 14);
            fA = store.record(a);
            fDuplicate = store.record(duplicate);
            fB = store.record(b);
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);

        fFirst.join();
        fA.join();
        fB.join();
        assertThatThrownBy(fDuplicate::join).isInstanceOf(CompletionException.class)
                .rootCause().hasMessageContaining("duplicate key");
        assertThat(store.find(original.decisionId())).contains(original);
        assertThat(store.find(a.decisionId())).contains(a);
        assertThat(store.find(b.decisionId())).contains(b);
        assertThat(store.batchOf(first.decisionId()).batchId()).isNotEqualTo(store.batchOf(a.decisionId()).batchId());
        assertNoPartialBatches();

        DecisionTrace later = TraceSamples.exact(project, 15);
        store.record(later).join();
        assertThat(store.find(later.decisionId())).contains(later);
        assertThat(dsl.fetchCount(TRACE_BATCH)).isGreaterThan((int) batchesBefore);
        Set<Long> batches = new HashSet<>();
        for (DecisionTrace t : List.of(original, first, a, b, later)) {
            batches.add(store.batchOf(t.decisionId()).batchId());
        }
        batches.forEach(id -> assertThat(store.verifyBatch(id)).isTrue());
    }

    /** Every batch row has exactly its traces and exactly one audit event; no audit event names a missing batch. */
    private void assertNoPartialBatches() {
        var mismatched = dsl.fetch("""
                select b.batch_id from authz.trace_batch b
                  left join (select batch_id, count(*) as n from authz.decision_trace group by batch_id) t using (batch_id)
                 where t.n is distinct from b.trace_count
                union all
                select t.batch_id from authz.decision_trace t left join authz.trace_batch b using (batch_id)
                 where b.batch_id is null""");
        assertThat(mismatched).isEmpty();
        int events = dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("authz.traces.committed"));
        assertThat(events).isEqualTo(dsl.fetchCount(TRACE_BATCH));
        assertThat(dsl.fetch("""
                select e.seq from ledger.audit_event e left join authz.trace_batch b on b.audit_seq = e.seq
                 where e.action = 'authz.traces.committed' and (b.batch_id is null or b.batch_id::text <> e.target_id)""")).isEmpty();
    }

    /** Waits until a connection of the runtime role waits for a lock (the writer, on the chain head). */
    private void awaitWriterBlockedOnChainHead() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int waiting = dsl.fetchCount(DSL.selectOne().from("pg_stat_activity")
                    .where("wait_event_type = 'Lock' and query ilike '%chain_head%'"));
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the trace writer never waited for the audit chain's head");
    }

    /** Puts the row back as it was fetched (every column). */
    private static void restore(DSLContext owner, io.sextant.jooq.authz.tables.records.DecisionTraceRecord original) {
        original.changed(true);
        original.changed(DECISION_TRACE.DECISION_ID, false);
        owner.update(DECISION_TRACE).set(original).where(DECISION_TRACE.DECISION_ID.eq(original.getDecisionId())).execute();
    }

    private static DSLContext owner() {
        EmbeddedPostgresServer server = PlatformDatabaseEnvironment.embeddedServer();
        return DSL.using(server.dataSource(DatabaseBootstrap.DATABASE, DatabaseBootstrap.OWNER_ROLE,
                server.secrets().getOrCreate(DatabaseBootstrap.OWNER_ROLE)), SQLDialect.POSTGRES);
    }

    private static String canonical(DecisionTrace t, String inputsDigest) {
        return io.sextant.platform.authz.internal.TraceCodecAccess.canonical(t, inputsDigest);
    }

    private static String sha256Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
