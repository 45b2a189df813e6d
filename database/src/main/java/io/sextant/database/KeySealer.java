package io.sextant.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys before they are stored in PostgreSQL, with AES-256-GCM under a key-encryption
 * key kept in an owner-only file outside the database ({@link SecretStore}), so that reading the
 * database alone yields no usable private key. See docs/decisions/D005-identity.md.
 *
 * <p>A sealed value is {@code "sxk1" | fingerprint (8) | nonce (12) | ciphertext and tag}. The
 * fingerprint names the key-encryption key (a hash of it, not the key), so a wrong file is told
 * apart from altered data. The caller's {@code context} (e.g. the table and the row's key id) is
 * authenticated too, so a sealed value copied to another row does not open there.
 *
 * <p>The file is created on the first {@link #seal}, never by {@link #open}: a missing file with
 * sealed values in the database is an error to report, not a reason to make a new key.
 */
public final class KeySealer {

    private static final byte[] MAGIC = "sxk1".getBytes(StandardCharsets.US_ASCII);
    private static final int FINGERPRINT = 8;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile SecretKey key;
    private volatile byte[] fingerprint;

    private KeySealer(Path file) {
        this.file = file;
    }

    /** A sealer for the key in {@code file}; reads it if it exists (and rejects one that is not a key), creates nothing. */
    public static KeySealer at(Path file) {
        KeySealer sealer = new KeySealer(file);
        if (Files.exists(file)) {
            try {
                sealer.use(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the key-encryption key file " + file, e);
            }
        }
        return sealer;
    }

    public Path file() {
        return file;
    }

    /** True if {@code stored} is a sealed value (as opposed to a key stored before sealing existed). */
    public static boolean isSealed(byte[] stored) {
        return stored.length > MAGIC.length && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Seals {@code secret} for the row named by {@code context}; creates the key file on first use. */
    public byte[] seal(byte[] secret, String context) {
        SecretKey k = keyCreatingFile();
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] header = ByteBuffer.allocate(MAGIC.length + FINGERPRINT).put(MAGIC).put(fingerprint).array();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(header);
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret);
            return ByteBuffer.allocate(header.length + NONCE + sealed.length).put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot encrypt with AES-GCM", e);
        }
    }

    /**
     * Opens a value {@link #seal sealed} for {@code context}.
     *
     * @throws SealedKeyException if the key file is missing, is another key, or the value was altered or belongs to another row
     */
    public byte[] open(byte[] stored, String context) {
        if (!isSealed(stored) || stored.length < MAGIC.length + FINGERPRINT + NONCE + TAG_BITS / 8) {
            throw new SealedKeyException(context + " is not a sealed value");
        }
        byte[] storedFingerprint = Arrays.copyOfRange(stored, MAGIC.length, MAGIC.length + FINGERPRINT);
        SecretKey k = key;
        if (k == null) {
            throw new SealedKeyException("The key-encryption key file " + file + " is missing, but the database holds private keys "
                    + "encrypted with it (key " + HexFormat.of().formatHex(storedFingerprint) + ", " + context + "). "
                    + "Restore the file from your backup of the console's secrets; without it these keys cannot be used.");
        }
        if (!Arrays.equals(storedFingerprint, fingerprint)) {
            throw new SealedKeyException("The key-encryption key file " + file + " holds another key (" + HexFormat.of().formatHex(fingerprint)
                    + ") than the one the database's private keys were encrypted with (" + HexFormat.of().formatHex(storedFingerprint)
                    + ", " + context + "). Restore the original file.");
        }
        int body = MAGIC.length + FINGERPRINT;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, stored, body, NONCE));
            c.updateAAD(stored, 0, body);
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(stored, body + NONCE, stored.length - body - NONCE);
        } catch (AEADBadTagException e) {
            throw new SealedKeyException("The stored private key of " + context + " does not decrypt with the key-encryption key in "
                    + file + ": it was altered or copied from another row.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot decrypt with AES-GCM", e);
        }
    }

    private synchronized SecretKey keyCreatingFile() {
        if (key == null) {
            use(SecretStore.getOrCreate(file));
        }
        return key;
    }

    private void use(String encoded) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new SealedKeyException("The key-encryption key file " + file + " does not hold a key (32 bytes, URL-safe Base64). "
                    + "Restore the original file.");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("sextant-kek-fingerprint/v1".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(raw);
            fingerprint = Arrays.copyOf(digest, FINGERPRINT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    /** A sealed key cannot be opened; the message says why and what to do, and never contains key material. */
    public static final class SealedKeyException extends IllegalStateException {
        public SealedKeyException(String message) {
            super(message);
        }
    }
}
