package io.sextant.platform.authz;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who asks: {@code id} (the {@code sub} claim), {@code role} (the {@code role} claim), the tenant
 * the session belongs to (derived from its database login role, never from a claim) and the custom
 * claims. A missing claim is absent from the map; its value in a condition is null.
 */
public record Principal(@Nullable String id, @Nullable String role, @Nullable UUID tenant, Map<String, Object> claims) {

    public Principal {
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }

    /** The claims as PostgreSQL sees them in {@code request.claims}: the custom ones plus {@code sub} and {@code role}. */
    public Map<String, Object> allClaims() {
        Map<String, Object> all = new java.util.TreeMap<>(claims);
        if (id != null) {
            all.put("sub", id);
        }
        if (role != null) {
            all.put("role", role);
        }
        return all;
    }
}
