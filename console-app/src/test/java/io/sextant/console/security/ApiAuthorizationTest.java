package io.sextant.console.security;

import static io.sextant.console.security.SecurityHttp.api;
import static io.sextant.console.security.SecurityHttp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.identity.ApiClientService;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.PersonalAccessTokenService;
import io.sextant.platform.identity.SigningKeyService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** {@code /api/v1} decides on every call, the services refuse too, and every refusal of a principal is audited. */
@ConsoleTest
class ApiAuthorizationTest {

    @Autowired
    PersonalAccessTokenService pats;

    @Autowired
    ApiClientService apiClients;

    @Autowired
    AuditQuery auditQuery;

    @Autowired
    SigningKeyService keys;

    @Autowired
    JdbcTemplate jdbc;

    String pat(String username, ConsoleRole role) {
        return as(username, () -> pats.create("api authorization test", Duration.ofDays(1)), role).secret();
    }

    @Test
    void supportTokenCannotReadOrVerifyTheAuditLogAndEachRefusalIsAudited() {
        String support = pat("support", ConsoleRole.SUPPORT);

        long before = lastSeq();
        assertThat(api("/api/v1/audit/events", support).statusCode()).isEqualTo(403);
        assertThat(refusalsSince(before, "support")).singleElement().satisfies(target -> assertThat(target).endsWith(".find"));

        before = lastSeq();
        assertThat(post("/api/v1/audit/verify", support).statusCode()).isEqualTo(403);
        assertThat(refusalsSince(before, "support")).singleElement().satisfies(target -> assertThat(target).endsWith(".verify"));
    }

    @Test
    void clientCredentialsClientWithoutTheRoleIsRefusedAndAudited() {
        var client = as("test-admin", () -> apiClients.create("api authorization support", Set.of(ConsoleRole.SUPPORT, ConsoleRole.OPERATOR)),
                ConsoleRole.SECURITY_ADMIN);
        String token = SecurityHttp.clientCredentialsToken(client.clientId(), client.clientSecret());
        long before = lastSeq();
        assertThat(api("/api/v1/audit/events?limit=5", token).statusCode()).isEqualTo(403);
        assertThat(refusalsSince(before, client.clientId())).hasSize(1);
    }

    @Test
    void complianceAndSecurityAdminTokensReadAndVerifyTheAuditLog() {
        for (String token : List.of(pat("compliance", ConsoleRole.COMPLIANCE), pat("secadmin", ConsoleRole.SECURITY_ADMIN))) {
            HttpResponse<String> events = api("/api/v1/audit/events?limit=5", token);
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(SecurityHttp.json(events).get("events")).asList().hasSize(5);
            HttpResponse<String> verified = post("/api/v1/audit/verify", token);
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.body()).contains("\"eventsChecked\"");
        }
    }

    @Test
    void serviceRefusesTooWhenCalledOutsideTheApiAndTheRefusalIsAudited() {
        long before = lastSeq();
        assertThatThrownBy(() -> as("support", () -> auditQuery.find(AuditFilter.all(), null, 10), ConsoleRole.SUPPORT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("operator", keys::rotate, ConsoleRole.OPERATOR)).isInstanceOf(AccessDeniedException.class);
        assertThat(refusalsSince(before, "support")).singleElement().satisfies(target -> assertThat(target).endsWith(".find"));
        assertThat(refusalsSince(before, "operator")).containsExactly("SigningKeyService.rotate");
    }

    @Test
    void anonymousCallsAndPageVisitsAreRefusedButNotAudited() {
        long before = lastSeq();
        assertThat(api("/api/v1/audit/events", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/audit/verify", null).statusCode()).isEqualTo(401);
        assertThat(SecurityHttp.get(TestPort.console() + "/audit").statusCode()).isEqualTo(302);
        assertThat(SecurityHttp.get(TestPort.console() + "/").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and action = 'access.denied'",
                Integer.class, before)).isZero();
    }

    @Test
    void consoleSessionCookieDoesNotAuthenticateTheApi() {
        var browser = new SecurityHttp.Browserless();
        browser.signIn("secadmin", "secadmin-demo-pass");
        assertThat(browser.get(TestPort.console() + "/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(browser.send(SecurityHttp.request(TestPort.console() + "/api/v1/audit/verify").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(401);
    }

    HttpResponse<String> post(String path, String bearer) {
        HttpRequest.Builder b = SecurityHttp.request(TestPort.console() + path).POST(HttpRequest.BodyPublishers.noBody());
        return SecurityHttp.send(bearer == null ? b.build() : b.header("Authorization", "Bearer " + bearer).build());
    }

    long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);
    }

    /** Targets of {@code access.denied} events with outcome refused by this actor after the given sequence number. */
    List<String> refusalsSince(long seq, String actor) {
        return jdbc.queryForList("select target_id from ledger.audit_event where seq > ? and actor = ? and action = 'access.denied' "
                + "and outcome = 'refused' order by seq", String.class, seq, actor);
    }
}
