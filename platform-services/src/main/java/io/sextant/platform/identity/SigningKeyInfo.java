package io.sextant.platform.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A signing key of the built-in identity provider as operators see it (never its private part). */
public record SigningKeyInfo(
        String kid,
        KeyState state,
        String algorithm,
        Instant createdAt,
        Instant activateAfter,
        @Nullable Instant activatedAt,
        @Nullable Instant retireAfter,
        @Nullable Instant retiredAt) {

    /** published: in JWKS, not yet signing; active: signs; retiring: in JWKS only; retired: gone. */
    public enum KeyState {
        PUBLISHED, ACTIVE, RETIRING, RETIRED;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static KeyState of(String db) {
            return valueOf(db.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
