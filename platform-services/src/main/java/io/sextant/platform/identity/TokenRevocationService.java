package io.sextant.platform.identity;

import static io.sextant.jooq.security.Tables.REVOKED_TOKEN;
import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revoked tokens, by JWT id ({@code jti}). A revocation is kept until the token would have
 * expired anyway, then pruned. Checked on every bearer request to {@code /api/v1}.
 */
@Service
public class TokenRevocationService {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    TokenRevocationService(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes a token by id; idempotent. */
    @PreAuthorize("hasRole('SECURITY_ADMIN') or #subject == authentication.name")
    @Transactional
    public void revoke(String jti, @Nullable String subject, Instant expiresAt, @Nullable String reason) {
        revokeInternal(jti, subject, expiresAt, reason);
    }

    /** Revocation requested through the provider's own revocation endpoint (already authenticated by it). */
    @Transactional
    public void revokeFromEndpoint(String jti, @Nullable String subject, Instant expiresAt) {
        revokeInternal(jti, subject, expiresAt, "revocation endpoint");
    }

    private void revokeInternal(String jti, @Nullable String subject, Instant expiresAt, @Nullable String reason) {
        int inserted = dsl.insertInto(REVOKED_TOKEN)
                .set(REVOKED_TOKEN.JTI, jti)
                .set(REVOKED_TOKEN.SUBJECT, subject)
                .set(REVOKED_TOKEN.REVOKED_AT, utc(clock.instant()))
                .set(REVOKED_TOKEN.EXPIRES_AT, utc(expiresAt))
                .set(REVOKED_TOKEN.REVOKED_BY, AuditActors.current())
                .set(REVOKED_TOKEN.REASON, reason)
                .onConflictDoNothing()
                .execute();
        if (inserted > 0) {
            audit.append(AuditEntry.succeeded("identity.token.revoke", "token", jti,
                    subject == null ? Map.of() : Map.of("subject", subject)));
        }
    }

    public boolean isRevoked(String jti) {
        return dsl.fetchExists(REVOKED_TOKEN, REVOKED_TOKEN.JTI.eq(jti));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void pruneExpired() {
        dsl.deleteFrom(REVOKED_TOKEN).where(REVOKED_TOKEN.EXPIRES_AT.lt(utc(clock.instant()))).execute();
    }
}
