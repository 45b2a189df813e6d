package io.sextant.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private keys sealed under a key kept in an owner-only file: what a wrong, missing or altered piece does. */
class KeySealerTest {

    @TempDir
    Path dir;

    static byte[] privateKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
    }

    @Test
    void sealedKeyOpensOnlyForItsRowAndDoesNotContainThePrivateKey() throws Exception {
        Path file = dir.resolve("secrets/key-encryption.secret");
        KeySealer sealer = KeySealer.at(file);
        assertThat(file).doesNotExist();
        byte[] key = privateKey();
        byte[] sealed = sealer.seal(key, "ledger.checkpoint_key/k1");

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(KeySealer.isSealed(sealed)).isTrue();
        assertThat(KeySealer.isSealed(key)).isFalse();
        assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(key, key.length - 32, key.length))).isEqualTo(-1);
        assertThat(KeySealer.at(file).open(sealed, "ledger.checkpoint_key/k1")).isEqualTo(key);
        assertThatThrownBy(() -> sealer.open(sealed, "ledger.checkpoint_key/k2"))
                .isInstanceOf(KeySealer.SealedKeyException.class).hasMessageContaining("altered or copied from another row");
    }

    @Test
    void missingKeyFileIsReportedNotReplaced() throws Exception {
        Path file = dir.resolve("key-encryption.secret");
        byte[] sealed = KeySealer.at(file).seal(privateKey(), "security.signing_key/a");
        Files.delete(file);

        assertThatThrownBy(() -> KeySealer.at(file).open(sealed, "security.signing_key/a"))
                .isInstanceOf(KeySealer.SealedKeyException.class)
                .hasMessageContaining("key-encryption key file " + file + " is missing")
                .hasMessageContaining("Restore the file");
        assertThat(file).as("opening never makes a new key").doesNotExist();
    }

    @Test
    void wrongKeyFileIsToldApartFromAlteredData() throws Exception {
        Path file = dir.resolve("key-encryption.secret");
        byte[] key = privateKey();
        byte[] sealed = KeySealer.at(file).seal(key, "security.signing_key/a");
        Files.delete(file);
        KeySealer.at(file).seal(new byte[] {1}, "other"); // a fresh, different key in the same place

        assertThatThrownBy(() -> KeySealer.at(file).open(sealed, "security.signing_key/a"))
                .isInstanceOf(KeySealer.SealedKeyException.class).hasMessageContaining("holds another key");

        Files.writeString(file, "not a key", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeySealer.at(file))
                .isInstanceOf(KeySealer.SealedKeyException.class).hasMessageContaining("does not hold a key");
    }

    @Test
    void alteredCiphertextDoesNotOpen() throws Exception {
        Path file = dir.resolve("key-encryption.secret");
        KeySealer sealer = KeySealer.at(file);
        byte[] sealed = sealer.seal(privateKey(), "security.signing_key/a");
        sealed[sealed.length - 20] ^= 1;
        assertThatThrownBy(() -> sealer.open(sealed, "security.signing_key/a"))
                .isInstanceOf(KeySealer.SealedKeyException.class).hasMessageContaining("altered");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
