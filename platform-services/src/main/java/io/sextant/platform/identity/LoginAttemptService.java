package io.sextant.platform.identity;

import static io.sextant.jooq.security.Tables.LOGIN_ATTEMPT;
import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login attempts at the built-in identity provider: every attempt is recorded (and failures
 * logged and audited, never with the password); too many failures for one username or from one
 * client address within the window refuse further attempts until the window has passed. Kept in
 * PostgreSQL, so the limit holds across restarts and across console nodes.
 */
@Service
public class LoginAttemptService {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptService.class);

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityProperties properties;

    LoginAttemptService(DSLContext dsl, AuditLog audit, Clock clock, IdentityProperties properties) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Why further attempts are refused right now, or null if they are allowed. */
    public @Nullable String refusal(String username, String clientAddress) {
        Instant since = clock.instant().minus(properties.failureWindowOrDefault());
        int byUser = dsl.fetchCount(LOGIN_ATTEMPT, LOGIN_ATTEMPT.USERNAME.eq(normal(username))
                .and(LOGIN_ATTEMPT.SUCCEEDED.isFalse()).and(LOGIN_ATTEMPT.ATTEMPTED_AT.gt(utc(since))));
        if (byUser >= properties.userFailureLimit()) {
            return "Too many failed sign-ins for this user. Try again in " + properties.failureWindowOrDefault().toMinutes() + " minutes.";
        }
        int byClient = dsl.fetchCount(LOGIN_ATTEMPT, LOGIN_ATTEMPT.CLIENT_ADDRESS.eq(clientAddress)
                .and(LOGIN_ATTEMPT.SUCCEEDED.isFalse()).and(LOGIN_ATTEMPT.ATTEMPTED_AT.gt(utc(since))));
        if (byClient >= properties.clientFailureLimit()) {
            return "Too many failed sign-ins from this address. Try again in " + properties.failureWindowOrDefault().toMinutes() + " minutes.";
        }
        return null;
    }

    /** Records an attempt in its own transaction: a failed login has no other transaction to join. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String clientAddress, boolean succeeded, @Nullable String reason) {
        String user = normal(username);
        dsl.insertInto(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.USERNAME, user)
                .set(LOGIN_ATTEMPT.CLIENT_ADDRESS, clientAddress)
                .set(LOGIN_ATTEMPT.ATTEMPTED_AT, utc(clock.instant()))
                .set(LOGIN_ATTEMPT.SUCCEEDED, succeeded)
                .set(LOGIN_ATTEMPT.REASON, reason)
                .execute();
        if (succeeded) {
            audit.append(new AuditEntry("identity.login", "operator", user, io.sextant.platform.audit.AuditOutcome.SUCCEEDED,
                    Map.of("clientAddress", clientAddress)));
        } else {
            log.warn("Sign-in failed for user '{}' from {}: {}", user, clientAddress, reason);
            audit.append(new AuditEntry("identity.login", "operator", user, io.sextant.platform.audit.AuditOutcome.REFUSED,
                    Map.of("clientAddress", clientAddress, "reason", reason == null ? "" : reason)));
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @Transactional
    public void pruneOld() {
        dsl.deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.ATTEMPTED_AT.lt(utc(clock.instant().minus(java.time.Duration.ofDays(30))))).execute();
    }

    private static String normal(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return u.length() > 200 ? u.substring(0, 200) : u;
    }
}
