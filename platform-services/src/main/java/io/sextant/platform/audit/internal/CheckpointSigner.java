package io.sextant.platform.audit.internal;

import io.sextant.database.KeySealer;
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
 * use (the JDK's own Ed25519, no extra library). The private key is stored sealed ({@link KeySealer}),
 * so the database alone cannot sign. The signed message is described on {@link Checkpoint}.
 */
@Component
class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";

    private final JooqCheckpointRepository checkpoints;
    private final KeySealer sealer;
    private final Clock clock;

    CheckpointSigner(JooqCheckpointRepository checkpoints, KeySealer sealer, Clock clock) {
        this.checkpoints = checkpoints;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** What a sealed checkpoint key is bound to: its table and id. */
    static String context(String keyId) {
        return "ledger.checkpoint_key/" + keyId;
    }

    /**
     * At start-up (in a transaction): the stored key opens with the key-encryption key, or start-up
     * stops with the reason; a key stored before sealing existed is sealed in place.
     *
     * @return true if a key was sealed now
     */
    boolean sealAtRest() {
        var stored = checkpoints.key();
        if (stored.isEmpty()) {
            return false;
        }
        JooqCheckpointRepository.StoredKey k = stored.get();
        if (KeySealer.isSealed(k.privateKey())) {
            sealer.open(k.privateKey(), context(k.keyId()));
            return false;
        }
        checkpoints.replacePrivateKey(k.keyId(), sealer.seal(k.privateKey(), context(k.keyId())));
        return true;
    }

    /** The signing key, generated and stored on first use; must run in a transaction. */
    JooqCheckpointRepository.StoredKey key() {
        return checkpoints.key().orElseGet(() -> {
            KeyPair pair = generate();
            byte[] publicKey = pair.getPublic().getEncoded();
            String keyId = "ed25519-" + HexFormat.of().formatHex(ChainHash.sha256(publicKey), 0, 8);
            checkpoints.insertKeyIfAbsent(new JooqCheckpointRepository.StoredKey(keyId, publicKey,
                    sealer.seal(pair.getPrivate().getEncoded(), context(keyId))), clock.instant());
            return checkpoints.key().orElseThrow();
        });
    }

    byte[] sign(JooqCheckpointRepository.StoredKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            byte[] pkcs8 = sealer.open(key.privateKey(), context(key.keyId()));
            signer.initSign(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
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
