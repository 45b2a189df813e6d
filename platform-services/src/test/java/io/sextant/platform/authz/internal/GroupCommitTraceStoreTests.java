package io.sextant.platform.authz.internal;

import static io.sextant.jooq.authz.Tables.DECISION_TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.TraceSamples;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** A store of its own: small batches, two writers, and shutdown that writes what is queued. */
@PlatformTest
class GroupCommitTraceStoreTests {

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

    @Test
    void closeWritesEverythingQueuedAndRefusesMore() {
        GroupCommitTraceStore store = new GroupCommitTraceStore(dataSource, dsl, transactions, auditLog, auditQuery, clock,
                4, 2, 1000);
        List<DecisionTrace> traces = TraceSamples.many(UUID.randomUUID(), Instant.parse("2025-09-01T00:00:00Z"), 60);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        traces.forEach(t -> futures.add(store.record(t)));

        store.close();

        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(dsl.fetchCount(DECISION_TRACE, DECISION_TRACE.DECISION_ID.in(traces.stream().map(DecisionTrace::decisionId).toList())))
                .isEqualTo(60);
        List<Integer> sizes = dsl.select(DECISION_TRACE.BATCH_ID).from(DECISION_TRACE)
                .where(DECISION_TRACE.DECISION_ID.in(traces.stream().map(DecisionTrace::decisionId).toList()))
                .fetch(DECISION_TRACE.BATCH_ID).stream().collect(java.util.stream.Collectors.groupingBy(b -> b)).values().stream()
                .map(List::size).toList();
        assertThat(sizes).allMatch(n -> n <= 4);
        DecisionTrace late = TraceSamples.exact(UUID.randomUUID(), 1);
        assertThatThrownBy(() -> store.record(late).join()).isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
