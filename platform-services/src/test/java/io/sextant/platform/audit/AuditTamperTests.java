package io.sextant.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.ChainProblem.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each kind of tampering an owner-role attacker can do is found, with the right kind and seq.
 * Every test undoes its damage, and the chain must verify intact again afterwards.
 */
@PlatformTest
@WithMockUser(username = "auditor", roles = "COMPLIANCE")
class AuditTamperTests {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    PlatformTransactionManager transactions;

    private LedgerTamper tamper;
    private List<Long> seqs;

    @BeforeEach
    void appendFiveEventsToAnIntactChain() {
        tamper = new LedgerTamper(); // only now: the embedded server starts with the first test context
        seqs = new AuditTestSupport(auditLog, transactions).appendCommitted(5, "test.tamper");
        assertThat(verifier.verify().problem()).as("chain before tampering").isNull();
    }

    @AfterEach
    void chainIsIntactAgainAfterUndo() {
        assertThat(verifier.verify().problem()).as("chain after undoing the tamper").isNull();
    }

    @Test
    void detectsAlteredEvent() {
        try (var undo = tamper.alterActor(seqs.get(2), "mallory")) {
            assertProblem(Kind.ALTERED, seqs.get(2));
        }
    }

    @Test
    void detectsDeletedMiddleEvent() {
        try (var undo = tamper.delete(seqs.get(2))) {
            assertProblem(Kind.DELETED, seqs.get(2));
        }
    }

    @Test
    void detectsInsertedForgedEvent() {
        try (var undo = tamper.insertForgedAfter(seqs.get(1))) {
            assertProblem(Kind.INSERTED, seqs.get(1) + 1);
        }
    }

    @Test
    void detectsReorderedEvents() {
        try (var undo = tamper.swap(seqs.get(1), seqs.get(2))) {
            assertProblem(Kind.REORDERED, seqs.get(1));
        }
    }

    @Test
    void detectsTruncationAgainstChainHead() {
        try (var undo = tamper.truncate(2, false)) {
            ChainProblem problem = assertProblem(Kind.TRUNCATED, seqs.get(3));
            assertThat(problem.description()).contains("chain head");
        }
    }

    @Test
    void detectsTruncationFromCheckpointFileWhenDatabaseEvidenceIsGone() {
        Checkpoint cp = checkpoints.checkpoint(); // appends audit.checkpoint, so cp.seq = last of seqs + 1
        assertThat(cp.seq()).isEqualTo(seqs.get(4) + 1);
        try (var undo = tamper.truncate(3, true)) {
            VerificationReport report = verifier.verify();
            assertThat(report.databaseCheckpointSeq()).as("checkpoint rows were deleted").isNull();
            assertThat(report.fileCheckpointSeq()).isEqualTo(cp.seq());
            ChainProblem problem = assertProblem(Kind.TRUNCATED, seqs.get(3));
            assertThat(problem.description()).contains("checkpoint file").contains("event " + cp.seq());
            assertThatThrownBy(checkpoints::checkpoint)
                    .as("a truncated chain must never be signed")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not extend the last checkpoint");
        }
    }

    private ChainProblem assertProblem(Kind kind, long seq) {
        VerificationReport report = verifier.verify();
        assertThat(report.problem()).as("problem found").isNotNull();
        assertThat(report.problem().kind()).as(report.problem().description()).isEqualTo(kind);
        assertThat(report.problem().seq()).as(report.problem().description()).isEqualTo(seq);
        assertThat(verifier.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.intact()).isFalse();
            assertThat(run.problemSeq()).isEqualTo(seq);
            assertThat(run.actor()).isEqualTo("auditor");
        });
        return report.problem();
    }
}
