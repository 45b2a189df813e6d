package io.sextant.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.internal.AuditProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checkpoints land in the external file, verifiable elsewhere with nothing but the exported public key. */
@PlatformTest
@WithMockUser(username = "carol", roles = "SECURITY_ADMIN")
class AuditCheckpointTests {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void checkpointLineVerifiesWithExportedPublicKeyAlone() throws Exception {
        long seq = new AuditTestSupport(auditLog, transactions).appendCommitted("test.checkpoint", "cp");
        Checkpoint cp = checkpoints.checkpoint();
        assertThat(cp.seq()).as("the head includes the checkpoint's own audit event").isEqualTo(seq + 1);

        List<String> lines = Files.readAllLines(properties.checkpointFile(), StandardCharsets.UTF_8);
        JsonNode line = JsonMapper.shared().readTree(lines.getLast());
        assertThat(line.get("seq").asLong()).isEqualTo(cp.seq());
        assertThat(line.get("algorithm").asString()).isEqualTo("Ed25519");

        // What an operator does on another machine: rebuild the documented message and check it.
        long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.parse(line.get("createdAt").asString()));
        byte[] message = ("sextant-audit-checkpoint/v1|" + line.get("seq").asLong() + "|" + line.get("headHash").asString()
                + "|" + micros).getBytes(StandardCharsets.UTF_8);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(line.get("publicKey").asString()))));
        ed25519.update(message);
        assertThat(ed25519.verify(Base64.getDecoder().decode(line.get("signature").asString()))).isTrue();

        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(line.get("publicKey").asString()))));
        ed25519.update(("sextant-audit-checkpoint/v1|" + (line.get("seq").asLong() - 1) + "|" + line.get("headHash").asString()
                + "|" + micros).getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(line.get("signature").asString())))
                .as("the signature must not cover another head").isFalse();
    }

    @Test
    void verificationComparesAgainstBothCheckpointsAndRecordsTheRun() {
        Checkpoint cp = checkpoints.checkpoint();
        VerificationReport report = verifier.verify();
        assertThat(report.problem()).isNull();
        assertThat(report.databaseCheckpointSeq()).isEqualTo(cp.seq());
        assertThat(report.fileCheckpointSeq()).isEqualTo(cp.seq());
        assertThat(verifier.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.intact()).isTrue();
            assertThat(run.actor()).isEqualTo("carol");
            assertThat(run.eventsChecked()).isEqualTo(report.eventsChecked());
            assertThat(run.problem()).isNull();
        });
    }

    @Test
    void aRepeatedRequestWithNothingRecordedSinceGetsTheSameCheckpointAndOneFileLine() throws Exception {
        new AuditTestSupport(auditLog, transactions).appendCommitted("test.checkpoint.twice", "cp");
        Checkpoint first = checkpoints.checkpoint();
        long lines = Files.readAllLines(properties.checkpointFile(), StandardCharsets.UTF_8).size();
        Checkpoint again = checkpoints.checkpoint();
        assertThat(again).as("decided on the server: a double click makes one checkpoint").isEqualTo(first);
        assertThat(Files.readAllLines(properties.checkpointFile(), StandardCharsets.UTF_8)).hasSize((int) lines);
    }

    @Test
    void checkpointKeyIsCreatedOnceAndReused() {
        Checkpoint first = checkpoints.checkpoint();
        new AuditTestSupport(auditLog, transactions).appendCommitted("test.checkpoint.between", "cp");
        Checkpoint second = checkpoints.checkpoint();
        assertThat(second.seq()).isGreaterThan(first.seq());
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }
}
