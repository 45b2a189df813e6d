package io.sextant.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which events the audit screen shows; every part is optional ({@code null} matches all).
 *
 * @param actor  exact actor name
 * @param action exact action, e.g. {@code identity.token.revoke}
 * @param from   events at or after this instant
 * @param to     events before this instant
 * @param targetType exact target type, e.g. {@code change}
 * @param targetId   exact target id (the trail of one thing)
 */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable Instant from, @Nullable Instant to,
                          @Nullable String targetType, @Nullable String targetId) {

    public AuditFilter(@Nullable String actor, @Nullable String action, @Nullable Instant from, @Nullable Instant to) {
        this(actor, action, from, to, null, null);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }

    /** Every event about one thing, e.g. {@code subject("change", id)}. */
    public static AuditFilter subject(String targetType, String targetId) {
        return new AuditFilter(null, null, null, null, targetType, targetId);
    }
}
