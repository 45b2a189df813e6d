package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROJECT_API_KEY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A project's API keys: only a SHA-256 hash and a short prefix are stored; the key is returned once. */
@Component
class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    record Issued(String anon, String service) {
        @Override
        public String toString() {
            return "Issued[****]";
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    ApiKeys(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Revokes the project's live keys and issues a new anon and service key. */
    @Transactional(propagation = Propagation.MANDATORY)
    Issued replace(UUID projectId) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        dsl.update(PROJECT_API_KEY).set(PROJECT_API_KEY.REVOKED_AT, now)
                .where(PROJECT_API_KEY.PROJECT_ID.eq(projectId)).and(PROJECT_API_KEY.REVOKED_AT.isNull()).execute();
        return new Issued(insert(projectId, "anon", now), insert(projectId, "service", now));
    }

    private String insert(UUID projectId, String kind, java.time.OffsetDateTime now) {
        String key = secret("sxk_" + kind + "_");
        dsl.insertInto(PROJECT_API_KEY).set(PROJECT_API_KEY.KEY_ID, UUID.randomUUID()).set(PROJECT_API_KEY.PROJECT_ID, projectId)
                .set(PROJECT_API_KEY.KIND, kind).set(PROJECT_API_KEY.KEY_PREFIX, key.substring(0, key.length() - 32))
                .set(PROJECT_API_KEY.KEY_HASH, sha256(key)).set(PROJECT_API_KEY.CREATED_AT, now).execute();
        return key;
    }

    static String secret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
