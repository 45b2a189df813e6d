package io.sextant.platform.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One audit event as the audit screen displays it. */
public record AuditEventView(
        long seq, Instant occurredAt, String actor, String action, String targetType, @Nullable String targetId,
        AuditOutcome outcome, @Nullable String requestId, Map<String, String> details) {

    public AuditEventView {
        details = Map.copyOf(details);
    }
}
