package io.sextant.platform.identity;

import static io.sextant.jooq.security.Tables.NONCE;
import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use secrets with a purpose and an expiry (setup codes, replay protection). Stored as
 * hashes; consuming one is a single conditional UPDATE, so two concurrent uses cannot both win.
 */
@Service
public class NonceService {

    private final DSLContext dsl;
    private final Clock clock;

    NonceService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Issues a new nonce; the returned secret is not stored anywhere. */
    @Transactional
    public String issue(String purpose, @Nullable String subject, Duration ttl) {
        String secret = Secrets.random("");
        Instant now = clock.instant();
        dsl.insertInto(NONCE)
                .set(NONCE.NONCE_HASH, Secrets.sha256(secret))
                .set(NONCE.PURPOSE, purpose)
                .set(NONCE.SUBJECT, subject)
                .set(NONCE.CREATED_AT, utc(now))
                .set(NONCE.EXPIRES_AT, utc(now.plus(ttl)))
                .execute();
        return secret;
    }

    /** Uses a nonce up: true exactly once for a valid, unexpired nonce of that purpose. */
    @Transactional
    public boolean consume(String purpose, String secret) {
        Instant now = clock.instant();
        return dsl.update(NONCE)
                .set(NONCE.CONSUMED_AT, utc(now))
                .where(NONCE.NONCE_HASH.eq(Secrets.sha256(secret)))
                .and(NONCE.PURPOSE.eq(purpose))
                .and(NONCE.CONSUMED_AT.isNull())
                .and(NONCE.EXPIRES_AT.gt(utc(now)))
                .execute() == 1;
    }

    /** Voids every open nonce of a purpose (e.g. when a new setup code replaces the old). */
    @Transactional
    public void voidAll(String purpose) {
        dsl.update(NONCE).set(NONCE.CONSUMED_AT, utc(clock.instant()))
                .where(NONCE.PURPOSE.eq(purpose)).and(NONCE.CONSUMED_AT.isNull()).execute();
    }
}
