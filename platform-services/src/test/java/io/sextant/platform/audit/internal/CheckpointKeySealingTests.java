package io.sextant.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.database.KeySealer;
import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.AuditCheckpoints;
import io.sextant.platform.audit.Checkpoint;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The checkpoint key is stored sealed; one stored in clear by an older version is sealed in place at start and keeps signing. */
@PlatformTest
@WithMockUser(username = "carol", roles = "COMPLIANCE")
class CheckpointKeySealingTests {

    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    CheckpointKeyCheck startupCheck;
    @Autowired
    KeySealer sealer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void checkpointKeyIsStoredSealedAndAClearOneIsSealedInPlace() throws Exception {
        Checkpoint first = checkpoints.checkpoint();
        byte[] stored = storedPrivateKey();
        assertThat(KeySealer.isSealed(stored)).isTrue();
        byte[] pkcs8 = sealer.open(stored, CheckpointSigner.context(first.keyId()));
        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)); // it is the real key
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        assertThat(indexOf(stored, seed)).as("the Ed25519 seed does not appear in the stored value").isEqualTo(-1);

        // the runtime role may replace that one column (V0018) — what an older version left behind
        jdbc.update("update ledger.checkpoint_key set private_key = ?", pkcs8);
        startupCheck.afterSingletonsInstantiated();

        assertThat(KeySealer.isSealed(storedPrivateKey())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'audit.checkpoint-key.seal'", Integer.class))
                .isEqualTo(1);
        Checkpoint next = checkpoints.checkpoint();
        assertThat(next.keyId()).isEqualTo(first.keyId());
    }

    private byte[] storedPrivateKey() {
        return jdbc.queryForObject("select private_key from ledger.checkpoint_key", byte[].class);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
