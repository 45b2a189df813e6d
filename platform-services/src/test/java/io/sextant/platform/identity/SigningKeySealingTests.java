package io.sextant.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.sextant.database.KeySealer;
import io.sextant.platform.PlatformTest;
import io.sextant.platform.PlatformTestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity provider's private signing keys are stored sealed: the database alone holds no usable
 * key, keys stored in clear by an older version are sealed at start, and a start without the right
 * key file stops with the reason.
 */
@PlatformTest
class SigningKeySealingTests {

    @Autowired
    SigningKeyService keys;
    @Autowired
    KeySealer sealer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment env;

    @Test
    void storedPrivateKeyIsSealedAndDoesNotContainTheKey() throws Exception {
        String kid = keys.activeKeyId().orElseThrow();
        byte[] stored = storedPrivateKey(kid);
        byte[] pkcs8 = ((RSAKey) keys.jwkSet().getKeyByKeyId(kid)).toRSAPrivateKey().getEncoded();
        byte[] exponent = ((RSAKey) keys.jwkSet().getKeyByKeyId(kid)).getPrivateExponent().decode();

        assertThat(KeySealer.isSealed(stored)).isTrue();
        assertThat(containsWindow(stored, pkcs8, 16)).as("no 16 bytes of the PKCS#8 key appear in the stored value").isFalse();
        assertThat(containsWindow(stored, exponent, 16)).isFalse();
        assertThat(sealer.open(stored, "security.signing_key/" + kid)).isEqualTo(pkcs8);
    }

    @Test
    void keysStoredInClearBeforeSealingAreSealedAtStartAndStillSign() {
        String kid = keys.activeKeyId().orElseThrow();
        byte[] sealed = storedPrivateKey(kid);
        byte[] clear = sealer.open(sealed, "security.signing_key/" + kid);
        // what a database written by the previous version holds: every live key in clear
        List<String> live = jdbc.queryForList("select kid from security.signing_key where state <> 'retired'", String.class);
        for (String k : live) {
            jdbc.update("update security.signing_key set private_key = ? where kid = ?",
                    sealer.open(storedPrivateKey(k), "security.signing_key/" + k), k);
        }
        assertThat(storedPrivateKey(kid)).isEqualTo(clear);

        keys.sealAtRest();

        assertThat(KeySealer.isSealed(storedPrivateKey(kid))).isTrue();
        assertThat(sealer.open(storedPrivateKey(kid), "security.signing_key/" + kid)).isEqualTo(clear);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.signing-key.seal' and target_id = ?",
                Integer.class, kid)).isEqualTo(1);
        assertThat(keys.jwkSet().getKeyByKeyId(kid).isPrivate()).isTrue();
    }

    @Test
    void keyWrittenInClearBesideSealedKeysIsRefused() {
        String planted = UUID.randomUUID().toString();
        byte[] clear = sealer.open(storedPrivateKey(keys.activeKeyId().orElseThrow()), "security.signing_key/" + keys.activeKeyId().orElseThrow());
        jdbc.update("insert into security.signing_key (kid, algorithm, state, public_key, private_key, created_at, activate_after) "
                + "select ?, algorithm, 'published', public_key, ?, now(), now() + interval '1 day' from security.signing_key where kid = ?",
                planted, clear, keys.activeKeyId().orElseThrow());
        try {
            assertThatThrownBy(keys::sealAtRest).isInstanceOf(KeySealer.SealedKeyException.class)
                    .hasMessageContaining("Signing key " + planted + " is stored unencrypted");
        } finally {
            jdbc.update("update security.signing_key set state = 'retired', private_key = ''::bytea, retired_at = now() where kid = ?", planted);
        }
    }

    @Test
    void startWithoutTheKeyFileStopsWithTheReasonAndMakesNoNewKey() throws Exception {
        Path keyFile = Path.of(env.getRequiredProperty("sextant.key-encryption.key-file"));
        assertThat(keyFile).exists();
        Path elsewhere = Files.createTempDirectory("sextant-kek");

        assertThatThrownBy(() -> start(elsewhere.resolve("missing.secret")))
                .isInstanceOf(KeySealer.SealedKeyException.class)
                .hasMessageContaining("missing.secret is missing").hasMessageContaining("Restore the file");
        assertThat(elsewhere.resolve("missing.secret")).as("a failed start makes no new key").doesNotExist();

        // a file holding another key is refused the same way (KeySealerTest): "holds another key"
    }

    /** A second platform on the same database, with another key file. */
    private static void start(Path keyFile) {
        new SpringApplicationBuilder(PlatformTestApplication.class).profiles("test")
                .properties("sextant.key-encryption.key-file=" + keyFile, "spring.main.banner-mode=off", "server.port=0")
                .run().close();
    }

    private byte[] storedPrivateKey(String kid) {
        return jdbc.queryForObject("select private_key from security.signing_key where kid = ?", byte[].class, kid);
    }

    static boolean containsWindow(byte[] haystack, byte[] secret, int window) {
        for (int i = 0; i + window <= secret.length; i++) {
            byte[] part = Arrays.copyOfRange(secret, i, i + window);
            for (int j = 0; j + window <= haystack.length; j++) {
                if (Arrays.equals(haystack, j, j + window, part, 0, window)) {
                    return true;
                }
            }
        }
        return false;
    }
}
