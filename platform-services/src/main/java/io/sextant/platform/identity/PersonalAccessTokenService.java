package io.sextant.platform.identity;

import static io.sextant.jooq.security.Tables.OPERATOR;
import static io.sextant.jooq.security.Tables.OPERATOR_ROLE;
import static io.sextant.jooq.security.Tables.PERSONAL_ACCESS_TOKEN;
import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: opaque bearer secrets ({@code sxp_…}) an operator creates for scripts
 * and revokes at will. Only a SHA-256 hash is stored; the secret is returned once, at creation.
 * A token acts with its owner's current roles, so removing a role from the owner narrows it too.
 */
@Service
public class PersonalAccessTokenService {

    public static final String PREFIX = "sxp_";
    static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    PersonalAccessTokenService(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    public record IssuedToken(UUID tokenId, String name, String secret, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + tokenId + ", " + name + "]";
        }
    }

    public record TokenSummary(UUID tokenId, String name, String prefix, Instant createdAt, Instant expiresAt,
            @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    }

    /** The authenticated owner of a presented token, if it is valid. */
    public record TokenOwner(UUID tokenId, String username, Set<ConsoleRole> roles) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public IssuedToken create(String name, Duration lifetime) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new IllegalArgumentException("A token needs a name of 1 to 80 characters.");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("A token lives between 1 day and 365 days.");
        }
        UUID operatorId = currentOperatorId();
        String secret = Secrets.random(PREFIX);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        dsl.insertInto(PERSONAL_ACCESS_TOKEN)
                .set(PERSONAL_ACCESS_TOKEN.TOKEN_ID, id)
                .set(PERSONAL_ACCESS_TOKEN.OPERATOR_ID, operatorId)
                .set(PERSONAL_ACCESS_TOKEN.NAME, trimmed)
                .set(PERSONAL_ACCESS_TOKEN.TOKEN_PREFIX, secret.substring(0, PREFIX.length() + 6))
                .set(PERSONAL_ACCESS_TOKEN.TOKEN_HASH, Secrets.sha256(secret))
                .set(PERSONAL_ACCESS_TOKEN.CREATED_AT, utc(now))
                .set(PERSONAL_ACCESS_TOKEN.EXPIRES_AT, utc(expires))
                .execute();
        audit.append(AuditEntry.succeeded("identity.pat.create", "personal-access-token", id.toString(), Map.of("name", trimmed)));
        return new IssuedToken(id, trimmed, secret, expires);
    }

    @PreAuthorize("isAuthenticated()")
    public List<TokenSummary> mine() {
        UUID operatorId = currentOperatorId();
        return dsl.selectFrom(PERSONAL_ACCESS_TOKEN)
                .where(PERSONAL_ACCESS_TOKEN.OPERATOR_ID.eq(operatorId))
                .orderBy(PERSONAL_ACCESS_TOKEN.CREATED_AT.desc())
                .fetch(r -> new TokenSummary(r.getTokenId(), r.getName(), r.getTokenPrefix(), r.getCreatedAt().toInstant(),
                        r.getExpiresAt().toInstant(), r.getLastUsedAt() == null ? null : r.getLastUsedAt().toInstant(),
                        r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant()));
    }

    /** Revokes one of the caller's tokens (a security admin may revoke anyone's). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(UUID tokenId) {
        var row = dsl.select(PERSONAL_ACCESS_TOKEN.OPERATOR_ID, OPERATOR.USERNAME)
                .from(PERSONAL_ACCESS_TOKEN).join(OPERATOR).using(PERSONAL_ACCESS_TOKEN.OPERATOR_ID)
                .where(PERSONAL_ACCESS_TOKEN.TOKEN_ID.eq(tokenId))
                .fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("No personal access token " + tokenId));
        String me = AuditActors.current();
        if (!row.value2().equals(me) && !CurrentRoles.has(ConsoleRole.SECURITY_ADMIN)) {
            audit.appendRefusal(AuditEntry.refused("identity.pat.revoke", "personal-access-token", tokenId.toString(), Map.of()));
            throw new AccessDeniedException("Only the owner or a security admin may revoke this token.");
        }
        dsl.update(PERSONAL_ACCESS_TOKEN)
                .set(PERSONAL_ACCESS_TOKEN.REVOKED_AT, utc(clock.instant()))
                .set(PERSONAL_ACCESS_TOKEN.REVOKED_BY, me)
                .where(PERSONAL_ACCESS_TOKEN.TOKEN_ID.eq(tokenId).and(PERSONAL_ACCESS_TOKEN.REVOKED_AT.isNull()))
                .execute();
        audit.append(AuditEntry.succeeded("identity.pat.revoke", "personal-access-token", tokenId.toString(), Map.of()));
    }

    /** Checks a presented secret: known, not revoked, not expired, owner enabled. Records its use. */
    @Transactional
    public Optional<TokenOwner> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var row = dsl.select(PERSONAL_ACCESS_TOKEN.TOKEN_ID, OPERATOR.OPERATOR_ID, OPERATOR.USERNAME)
                .from(PERSONAL_ACCESS_TOKEN).join(OPERATOR).using(PERSONAL_ACCESS_TOKEN.OPERATOR_ID)
                .where(PERSONAL_ACCESS_TOKEN.TOKEN_HASH.eq(Secrets.sha256(secret)))
                .and(PERSONAL_ACCESS_TOKEN.REVOKED_AT.isNull())
                .and(PERSONAL_ACCESS_TOKEN.EXPIRES_AT.gt(utc(now)))
                .and(OPERATOR.ENABLED.isTrue())
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        UUID tokenId = row.get().value1();
        dsl.update(PERSONAL_ACCESS_TOKEN).set(PERSONAL_ACCESS_TOKEN.LAST_USED_AT, utc(now))
                .where(PERSONAL_ACCESS_TOKEN.TOKEN_ID.eq(tokenId)).execute();
        Set<ConsoleRole> roles = dsl.select(OPERATOR_ROLE.ROLE).from(OPERATOR_ROLE)
                .where(OPERATOR_ROLE.OPERATOR_ID.eq(row.get().value2()))
                .fetch(OPERATOR_ROLE.ROLE).stream()
                .map(ConsoleRole::valueOf).collect(Collectors.toSet());
        return Optional.of(new TokenOwner(tokenId, row.get().value3(), roles));
    }

    private UUID currentOperatorId() {
        String me = AuditActors.current();
        return dsl.select(OPERATOR.OPERATOR_ID).from(OPERATOR).where(OPERATOR.USERNAME.eq(me)).fetchOptional(OPERATOR.OPERATOR_ID)
                .orElseThrow(() -> new AccessDeniedException("Only operators known to the console can hold personal access tokens."));
    }
}
