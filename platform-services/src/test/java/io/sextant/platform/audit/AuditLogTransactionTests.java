package io.sextant.platform.audit;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;

/** An event commits or rolls back with its change; a refusal stays; the runtime role cannot rewrite history. */
@PlatformTest
class AuditLogTransactionTests {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditQuery query;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;

    private AuditTestSupport support;
    private final String target = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        support = new AuditTestSupport(auditLog, transactions);
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void appendInRolledBackTransactionLeavesNoEvent() {
        support.tx().executeWithoutResult(status -> {
            auditLog.append(AuditEntry.succeeded("test.rollback", "test_target", target, Map.of()));
            assertThat(eventsFor(target)).as("visible inside its transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(eventsFor(target)).isZero();
    }

    @Test
    void refusalInsideRolledBackTransactionStays() {
        support.tx().executeWithoutResult(status -> {
            auditLog.appendRefusal(AuditEntry.refused("test.refusal", "test_target", target, Map.of("why", "no role")));
            status.setRollbackOnly();
        });
        assertThat(dsl.select(AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT).where(AUDIT_EVENT.TARGET_ID.eq(target)).fetch(AUDIT_EVENT.OUTCOME))
                .containsExactly("refused");
    }

    @Test
    void appendWithoutTransactionFails() {
        assertThatThrownBy(() -> auditLog.append(AuditEntry.succeeded("test.none", "test_target", target, Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(eventsFor(target)).isZero();
    }

    @Test
    void refusalAfterAppendInSameThreadFailsFastInsteadOfDeadlocking() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                support.tx().executeWithoutResult(status -> {
                    auditLog.append(AuditEntry.succeeded("test.first", "test_target", target, Map.of()));
                    assertThatThrownBy(() -> auditLog.appendRefusal(AuditEntry.refused("test.then", "test_target", target, Map.of())))
                            .isInstanceOf(IllegalStateException.class);
                    status.setRollbackOnly();
                }));
    }

    @Test
    @WithMockUser(username = "alice", roles = "COMPLIANCE")
    void recordsActorRequestIdUtcTimeAndDetails() {
        MDC.put("requestId", "req-42");
        Instant before = Instant.now().minusMillis(1);
        long seq = support.appendCommitted("test.who", target);
        AuditEventView event = query.find(new AuditFilter("alice", "test.who", null, null), seq + 1, 1).events().getFirst();
        assertThat(event.seq()).isEqualTo(seq);
        assertThat(event.actor()).isEqualTo("alice");
        assertThat(event.requestId()).isEqualTo("req-42");
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(event.occurredAt()).isBetween(before, Instant.now().plusMillis(1));
        assertThat(event.details()).containsEntry("note", "from a test").containsEntry("n", target);
    }

    @Test
    @WithMockUser(username = "alice", roles = "COMPLIANCE")
    void actorIsSystemWithoutAuthentication() throws Exception {
        Thread worker = Thread.ofPlatform().start(() -> support.appendCommitted("test.unattended", target)); // no security context there
        worker.join();
        assertThat(query.find(new AuditFilter(null, "test.unattended", null, null), null, 10).events())
                .extracting(AuditEventView::actor).containsOnly("system");
    }

    @Test
    void runtimeRoleCannotUpdateOrDeleteEvents() {
        long seq = support.appendCommitted("test.immutable", target);
        assertThatThrownBy(() -> dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, "mallory").where(AUDIT_EVENT.SEQ.eq(seq)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThat(eventsFor(target)).isEqualTo(1);
    }

    private int eventsFor(String targetId) {
        return dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.TARGET_ID.eq(targetId));
    }
}
