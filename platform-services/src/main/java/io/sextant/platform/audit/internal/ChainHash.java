package io.sextant.platform.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit event: {@code SHA-256(encoding)}, where the encoding is the concatenation of
 * <ol>
 *   <li>the ASCII bytes {@code sextant-audit/v1} (a version tag, so a future encoding cannot collide),</li>
 *   <li>{@code bytes(prev_hash)},</li>
 *   <li>{@code seq} as 8 bytes, big-endian,</li>
 *   <li>{@code event_id} as 16 bytes: most then least significant 64 bits, big-endian,</li>
 *   <li>{@code occurred_at} as 8 bytes, big-endian: signed microseconds since 1970-01-01T00:00Z,</li>
 *   <li>{@code str(actor)}, {@code str(action)}, {@code str(target_type)}, {@code str(target_id)},
 *       {@code str(outcome)} (the stored lower-case value), {@code str(request_id)},</li>
 *   <li>{@code str(details)}: the details as canonical JSON ({@link CanonicalJson}).</li>
 * </ol>
 * {@code bytes(b)} is the length of {@code b} as 4 bytes big-endian followed by {@code b};
 * {@code str(s)} is {@code bytes(UTF-8 of s)}, and a null string is the 4 bytes {@code FF FF FF FF}
 * with nothing after. Every field has a fixed size or a length prefix, so no two different events
 * have the same encoding. The first event's {@code prev_hash} is 32 zero bytes.
 * See docs/decisions/D004-audit-chain.md.
 */
final class ChainHash {

    static final byte[] GENESIS = new byte[32];
    private static final byte[] TAG = "sextant-audit/v1".getBytes(StandardCharsets.US_ASCII);

    private ChainHash() {
    }

    /** The hash the event should have if its predecessor's hash is {@code prevHash}. */
    static byte[] of(byte[] prevHash, StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(TAG);
        bytes(out, prevHash);
        out.writeBytes(ByteBuffer.allocate(32)
                .putLong(e.seq())
                .putLong(e.eventId().getMostSignificantBits())
                .putLong(e.eventId().getLeastSignificantBits())
                .putLong(micros(e.occurredAt()))
                .array());
        str(out, e.actor());
        str(out, e.action());
        str(out, e.targetType());
        str(out, e.targetId());
        str(out, e.outcome());
        str(out, e.requestId());
        str(out, CanonicalJson.of(e.details()));
        return sha256(out.toByteArray());
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static void str(ByteArrayOutputStream out, @Nullable String s) {
        if (s == null) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        } else {
            bytes(out, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }
}
