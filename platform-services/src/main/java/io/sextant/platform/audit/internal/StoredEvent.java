package io.sextant.platform.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An audit event row exactly as stored; {@code details} is the stored JSON text. */
record StoredEvent(
        long seq, UUID eventId, Instant occurredAt, String actor, String action, String targetType,
        @Nullable String targetId, String outcome, @Nullable String requestId, String details,
        byte[] prevHash, byte[] hash) {

    StoredEvent withHash(byte[] newHash) {
        return new StoredEvent(seq, eventId, occurredAt, actor, action, targetType, targetId, outcome, requestId,
                details, prevHash, newHash);
    }
}
