package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.console.resilience.Roles;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.spring.PlatformDatabaseEnvironment;
import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.OperatorService;
import io.sextant.platform.identity.PersonalAccessTokenService;
import io.sextant.platform.status.PlatformStatusService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL goes away under a signed-in operator and comes back on the same port and data: the
 * console refuses everything while it is gone (fails closed, never stale), changes nothing, and
 * carries on by itself once it is back, with every committed row and an intact audit chain.
 */
@ConsoleTest
class DatabaseOutageTest {

    static Browser browser;
    static EmbeddedPostgresServer server;

    @Autowired
    OperatorService operators;

    @Autowired
    PersonalAccessTokenService tokens;

    @Autowired
    PlatformStatusService status;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment env;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowserAndMakeSureTheDatabaseRuns() {
        if (server != null) {
            server.restart(); // other tests share it; a no-op when it runs
        }
        browser.close();
    }

    @Test
    @Timeout(90)
    void consoleFailsClosedDuringAnOutageAndRecoversByItselfWithoutLosingData() throws Exception {
        server = PlatformDatabaseEnvironment.embeddedServer(Path.of(env.getRequiredProperty("sextant.embedded.effective-directory")));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String witness = "outage-witness-" + suffix;
        String ghost = "outage-ghost-" + suffix;
        Roles.run("secadmin", () -> operators.create(witness, "Created before the outage", null, "witness-password-1",
                Set.of(ConsoleRole.SUPPORT)), ConsoleRole.SECURITY_ADMIN);
        String pat = Roles.as("operator", () -> tokens.create("outage-test", Duration.ofHours(1)), ConsoleRole.OPERATOR).secret();
        assertThat(me(pat).statusCode()).isEqualTo(200);
        long auditEventsBefore = auditEvents();

        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        long t0 = System.nanoTime();
        try {
            server.stop();

            // The signed-in session's next page: 503 and the database-unavailable page, nothing else.
            Response response = page.navigate(TestPort.console() + "/");
            assertThat(response.status()).isEqualTo(503);
            assertThat(page.locator("#database-unavailable").textContent()).contains("Database unavailable");
            assertThat(page.locator("#home-view").count()).isZero();
            Browser.screenshot(page, "outage-signed-in");

            // The REST facade fails closed too: a valid token is not served from anything remembered.
            HttpResponse<String> api = me(pat);
            assertThat(api.statusCode()).isIn(401, 503);
            assertThat(api.body()).doesNotContain("\"name\"");

            // A screen opened while the database is gone shows the error view's database words.
            Page anonymous = browser.newPage();
            anonymous.navigate(TestPort.console() + "/setup");
            anonymous.waitForSelector("#error-view");
            assertThat(anonymous.textContent("#error-view")).contains("Database unavailable").contains("Nothing was changed");
            Browser.screenshot(anonymous, "outage-screen");
            anonymous.context().close();

            // An action attempted now fails and leaves nothing behind.
            assertThatThrownBy(() -> Roles.run("secadmin", () -> operators.create(ghost, "Created during the outage", null,
                    "ghost-password-12", Set.of(ConsoleRole.SUPPORT)), ConsoleRole.SECURITY_ADMIN)).isNotNull();
        } finally {
            server.restart();
        }
        long outage = System.nanoTime() - t0;

        // No restart of the console: the outage page retries by itself and the same browser session carries on.
        page.waitForSelector("#home-view", new Page.WaitForSelectorOptions().setTimeout(30_000));
        Browser.vaadinIdle(page);
        assertThat(page.url()).startsWith(TestPort.console());
        var expected = Roles.as("operator", () -> status.status(), ConsoleRole.OPERATOR);
        assertThat(expected.databaseUp()).isTrue();
        assertThat(page.textContent("#home-cards")).contains("Waiting for your approval");
        assertThat(page.textContent("#database-status")).contains("Healthy");
        page.context().close();
        assertThat(me(pat).statusCode()).isEqualTo(200);

        // Committed data survived, the refused action left nothing, the audit chain is intact.
        assertThat(jdbc.queryForObject("select count(*) from security.operator where username = ?", Long.class, witness)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from security.operator where username = ?", Long.class, ghost)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where target_id = ?", Long.class, ghost)).isZero();
        assertThat(auditEvents()).isGreaterThanOrEqualTo(auditEventsBefore);
        var report = Roles.as("compliance", () -> verifier.verify(), ConsoleRole.COMPLIANCE);
        assertThat(report.intact()).as(report.toString()).isTrue();
        System.out.printf("Database outage test: outage lasted %d ms%n", outage / 1_000_000);
    }

    private long auditEvents() {
        return jdbc.queryForObject("select count(*) from ledger.audit_event", Long.class);
    }

    private HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestPort.console() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
