package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.sextant.console.ConsoleApplication;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Federation: the console signs operators in at an external OIDC provider (a real one, on its own
 * port) and takes their console roles from a configurable claim through a role mapping; values
 * that map to no console role grant nothing.
 */
class ExternalProviderLoginTest {

    static MockOAuth2Server idp;
    static ConfigurableApplicationContext console;
    static Browser browser;
    static String consoleUrl;

    @BeforeAll
    static void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        consoleUrl = "http://localhost:" + port;
        String issuer = idp.issuerUrl("corp").toString();
        console = new SpringApplicationBuilder(ConsoleApplication.class)
                .profiles("test")
                .run(java.util.stream.Stream.of(
                        Map.entry("server.port", port),
                        Map.entry("sextant.test.fixed-port", "external"),
                        Map.entry("sextant.identity.provider", "external"),
                        Map.entry("sextant.identity.console-base-url", consoleUrl),
                        Map.entry("sextant.identity.issuer", "http://127.0.0.1:" + port),
                        Map.entry("sextant.identity.role-claim", "groups"),
                        Map.entry("sextant.identity.role-mapping.platform-ops", "OPERATOR"),
                        Map.entry("sextant.identity.role-mapping.platform-audit", "COMPLIANCE"),
                        Map.entry("spring.security.oauth2.client.registration.sextant.client-id", "sextant-console"),
                        Map.entry("spring.security.oauth2.client.registration.sextant.client-secret", "not-used-by-the-mock"),
                        Map.entry("spring.security.oauth2.client.registration.sextant.scope", "openid,profile"),
                        Map.entry("spring.security.oauth2.client.provider.sextant.issuer-uri", issuer),
                        Map.entry("spring.security.oauth2.client.provider.sextant.user-name-attribute", "preferred_username"))
                        // command-line arguments: they outrank application.yaml (default properties would not)
                        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        console.close();
        idp.shutdown();
    }

    @Test
    void mappedGroupClaimBecomesConsoleRoles() {
        signInAs("ext-auditor", List.of("platform-audit", "unrelated-group"));
        Page page = browser.newPage();
        page.navigate(consoleUrl + "/");
        page.waitForSelector("#home-view");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#side-nav").textContent()).contains("Audit log");
        page.navigate(consoleUrl + "/audit");
        page.waitForSelector("#audit-view");
        page.context().close();
    }

    @Test
    void unmappedGroupsGrantNothing() {
        signInAs("ext-stranger", List.of("marketing", "COMPLIANCE", "security_admin"));
        Page page = browser.newPage();
        page.navigate(consoleUrl + "/");
        page.waitForSelector("#home-view");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#side-nav").textContent()).doesNotContain("Audit log").doesNotContain("Operators");
        page.navigate(consoleUrl + "/audit");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#audit-view").count()).isZero();
        page.context().close();
    }

    /** The external provider answers the next authorization request for this user, with these groups. */
    private static void signInAs(String username, List<String> groups) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", username, "JWT", List.of("sextant-console"),
                Map.of("preferred_username", username, "name", username, "groups", groups), 3600));
    }
}
