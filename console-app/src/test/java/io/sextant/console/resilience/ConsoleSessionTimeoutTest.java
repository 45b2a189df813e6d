package io.sextant.console.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.platform.identity.ConsoleSessionService;
import io.sextant.platform.identity.ConsoleSessionService.Validity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idle (30 min) and absolute (12 h) timeouts of console sessions, checked by the real service on
 * the real database; instead of a test clock in the shared context, each session's timestamps
 * are moved back in its row.
 */
@ConsoleTest
class ConsoleSessionTimeoutTest {

    @Autowired
    ConsoleSessionService sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sessionSeenWithinTheIdleTimeoutStaysValid() {
        String id = newSession();
        age(id, "29 minutes", "29 minutes");
        assertThat(sessions.check(id)).isEqualTo(Validity.VALID);
        assertThat(row(id).get("ended_at")).isNull();
    }

    @Test
    void sessionIdleLongerThanTheIdleTimeoutEndsAsIdle() {
        String id = newSession();
        age(id, "31 minutes", "31 minutes");
        assertThat(sessions.check(id)).isEqualTo(Validity.IDLE);
        assertThat(row(id)).containsEntry("ended_by", "system").containsEntry("end_reason", "idle timeout");
        assertThat(sessions.check(id)).as("an ended session stays ended").isEqualTo(Validity.ENDED);
    }

    @Test
    void activeSessionOlderThanTheAbsoluteTimeoutEndsAsExpired() {
        String id = newSession();
        age(id, "12 hours 1 minute", "5 seconds"); // signed in 12 h ago, active a moment ago
        assertThat(sessions.check(id)).isEqualTo(Validity.EXPIRED);
        assertThat(row(id)).containsEntry("ended_by", "system").containsEntry("end_reason", "absolute timeout");
    }

    @Test
    void activeSessionJustYoungerThanTheAbsoluteTimeoutStaysValid() {
        String id = newSession();
        age(id, "11 hours 59 minutes", "5 seconds");
        assertThat(sessions.check(id)).isEqualTo(Validity.VALID);
    }

    private String newSession() {
        String id = "timeout-test-" + UUID.randomUUID();
        sessions.register(id, "operator", "127.0.0.1", "test");
        assertThat(sessions.check(id)).isEqualTo(Validity.VALID);
        return id;
    }

    private void age(String servletSessionId, String sinceCreated, String sinceSeen) {
        int n = jdbc.update("update security.console_session set created_at = now() - ?::interval, last_seen_at = now() - ?::interval "
                + "where session_key = ?", sinceCreated, sinceSeen, ConsoleSessionService.keyOf(servletSessionId));
        assertThat(n).isOne();
    }

    private Map<String, Object> row(String servletSessionId) {
        return jdbc.queryForMap("select ended_at, ended_by, end_reason from security.console_session where session_key = ?",
                ConsoleSessionService.keyOf(servletSessionId));
    }
}
