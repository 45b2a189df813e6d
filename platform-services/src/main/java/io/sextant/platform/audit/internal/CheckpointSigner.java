package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints with the Ed25519 key kept in {@code ledger.checkpoint_key}, creating it on first
 * use (the JDK's own Ed25519, no extra library). The signed message is described on {@link Checkpoint}.
 */
@Component
class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";

    private final JooqCheckpointRepository checkpoints;
    private final Clock clock;

    CheckpointSigner(JooqCheckpointRepository checkpoints, Clock clock) {
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** The signing key, generated and stored on first use; must run in a transaction. */
    JooqCheckpointRepository.StoredKey key() {
        return checkpoints.key().orElseGet(() -> {
            KeyPair pair = generate();
            byte[] publicKey = pair.getPublic().getEncoded();
            String keyId = "ed25519-" + HexFormat.of().formatHex(ChainHash.sha256(publicKey), 0, 8);
            checkpoints.insertKeyIfAbsent(
                    new JooqCheckpointRepository.StoredKey(keyId, publicKey, pair.getPrivate().getEncoded()), clock.instant());
            return checkpoints.key().orElseThrow();
        });
    }

    byte[] sign(JooqCheckpointRepository.StoredKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(key.privateKey())));
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the audit checkpoint with key " + key.keyId(), e);
        }
    }

    /** True only if {@code signature} is a valid signature of {@code message} by that X.509-encoded public key. */
    static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed key or signature is simply not a valid signature
        }
    }

    /** The bytes a checkpoint signs; documented on {@link Checkpoint}. */
    static byte[] message(long seq, byte[] headHash, java.time.Instant createdAt) {
        return ("sextant-audit-checkpoint/v1|" + seq + "|" + HexFormat.of().formatHex(headHash) + "|"
                + ChainHash.micros(createdAt)).getBytes(StandardCharsets.UTF_8);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate Ed25519 keys", e);
        }
    }
}
