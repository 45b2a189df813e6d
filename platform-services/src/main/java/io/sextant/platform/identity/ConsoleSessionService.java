package io.sextant.platform.identity;

import static io.sextant.jooq.security.Tables.CONSOLE_SESSION;
import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's sessions as durable records: a session is valid only while its row is open, not
 * idle longer than the idle timeout and younger than the absolute timeout. Ending a row ends the
 * session on every console node at its next request (fail closed). Rows are keyed by a hash of
 * the servlet session id, never the id itself.
 */
@Service
public class ConsoleSessionService {

    /** How often {@code last_seen_at} is written at most, to keep a request from costing a write. */
    static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityProperties properties;

    ConsoleSessionService(DSLContext dsl, AuditLog audit, Clock clock, IdentityProperties properties) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    public record SessionInfo(String sessionKey, String username, @Nullable String clientAddress, @Nullable String userAgent,
            Instant createdAt, Instant lastSeenAt) {
    }

    public enum Validity { VALID, UNKNOWN, ENDED, IDLE, EXPIRED }

    public static String keyOf(String servletSessionId) {
        return HexFormat.of().formatHex(Secrets.sha256(servletSessionId)).substring(0, 32);
    }

    @Transactional
    public void register(String servletSessionId, String username, @Nullable String clientAddress, @Nullable String userAgent) {
        Instant now = clock.instant();
        dsl.insertInto(CONSOLE_SESSION)
                .set(CONSOLE_SESSION.SESSION_KEY, keyOf(servletSessionId))
                .set(CONSOLE_SESSION.USERNAME, username)
                .set(CONSOLE_SESSION.CLIENT_ADDRESS, clientAddress)
                .set(CONSOLE_SESSION.USER_AGENT, userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length())))
                .set(CONSOLE_SESSION.CREATED_AT, utc(now))
                .set(CONSOLE_SESSION.LAST_SEEN_AT, utc(now))
                .onConflictDoNothing()
                .execute();
    }

    /** Checks a session and, if valid, notes that it was seen; an idle or expired session is ended here. */
    @Transactional
    public Validity check(String servletSessionId) {
        String key = keyOf(servletSessionId);
        var row = dsl.selectFrom(CONSOLE_SESSION).where(CONSOLE_SESSION.SESSION_KEY.eq(key)).fetchOptional();
        if (row.isEmpty()) {
            return Validity.UNKNOWN;
        }
        var s = row.get();
        if (s.getEndedAt() != null) {
            return Validity.ENDED;
        }
        Instant now = clock.instant();
        if (s.getCreatedAt().toInstant().plus(properties.absoluteTimeout()).isBefore(now)) {
            end(key, "system", "absolute timeout");
            return Validity.EXPIRED;
        }
        if (s.getLastSeenAt().toInstant().plus(properties.idleTimeout()).isBefore(now)) {
            end(key, "system", "idle timeout");
            return Validity.IDLE;
        }
        if (s.getLastSeenAt().toInstant().plus(TOUCH_GRANULARITY).isBefore(now)) {
            dsl.update(CONSOLE_SESSION).set(CONSOLE_SESSION.LAST_SEEN_AT, utc(now)).where(CONSOLE_SESSION.SESSION_KEY.eq(key)).execute();
        }
        return Validity.VALID;
    }

    /** The session's own logout. */
    @Transactional
    public void loggedOut(String servletSessionId, String username) {
        if (end(keyOf(servletSessionId), username, "logout")) {
            audit.append(AuditEntry.succeeded("identity.logout", "operator", username, Map.of()));
        }
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<SessionInfo> open() {
        return dsl.selectFrom(CONSOLE_SESSION).where(CONSOLE_SESSION.ENDED_AT.isNull())
                .orderBy(CONSOLE_SESSION.LAST_SEEN_AT.desc())
                .fetch(r -> new SessionInfo(r.getSessionKey(), r.getUsername(), r.getClientAddress(), r.getUserAgent(),
                        r.getCreatedAt().toInstant(), r.getLastSeenAt().toInstant()));
    }

    /** A security admin ends one session; it is refused at its next request. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public boolean endSession(String sessionKey) {
        boolean ended = end(sessionKey, AuditActors.current(), "ended by a security admin");
        if (ended) {
            audit.append(AuditEntry.succeeded("identity.session.end", "console-session", sessionKey, Map.of()));
        }
        return ended;
    }

    /** A security admin ends every open session of one operator. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public int endAllSessionsOf(String username) {
        int n = dsl.update(CONSOLE_SESSION)
                .set(CONSOLE_SESSION.ENDED_AT, utc(clock.instant()))
                .set(CONSOLE_SESSION.ENDED_BY, AuditActors.current())
                .set(CONSOLE_SESSION.END_REASON, "ended by a security admin")
                .where(CONSOLE_SESSION.USERNAME.eq(username)).and(CONSOLE_SESSION.ENDED_AT.isNull())
                .execute();
        audit.append(AuditEntry.succeeded("identity.session.end-all", "operator", username, Map.of("sessions", String.valueOf(n))));
        return n;
    }

    public int openCount() {
        return dsl.fetchCount(CONSOLE_SESSION, CONSOLE_SESSION.ENDED_AT.isNull());
    }

    private boolean end(String key, String by, String reason) {
        return dsl.update(CONSOLE_SESSION)
                .set(CONSOLE_SESSION.ENDED_AT, utc(clock.instant()))
                .set(CONSOLE_SESSION.ENDED_BY, by)
                .set(CONSOLE_SESSION.END_REASON, reason)
                .where(CONSOLE_SESSION.SESSION_KEY.eq(key)).and(CONSOLE_SESSION.ENDED_AT.isNull())
                .execute() == 1;
    }
}
