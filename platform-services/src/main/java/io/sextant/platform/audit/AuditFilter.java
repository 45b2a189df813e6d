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
 */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable Instant from, @Nullable Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }
}
