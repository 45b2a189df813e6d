package io.sextant.platform.audit;

import java.time.Instant;

/**
 * A signed statement that the audit chain head was event {@code seq} with hash {@code headHash}.
 *
 * <p>The signature is Ed25519 over the UTF-8 bytes of
 * {@code "sextant-audit-checkpoint/v1|" + seq + "|" + headHash + "|" + createdAt in epoch microseconds},
 * verifiable with {@code publicKey} alone (for example with another JDK or OpenSSL).
 *
 * @param headHash  lower-case hex SHA-256 of the head event
 * @param publicKey Base64 of the X.509 (SubjectPublicKeyInfo) encoding of the Ed25519 public key
 * @param signature Base64 of the 64-byte Ed25519 signature
 */
public record Checkpoint(
        long seq, String headHash, Instant createdAt, String keyId, String publicKey, String signature) {
}
