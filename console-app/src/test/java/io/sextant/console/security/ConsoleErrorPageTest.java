package io.sextant.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Errors decided before the console's router is reached still answer a browser with the console's
 * page — what happened, what to do, the request id, a link to the console — never Spring's
 * Whitelabel page and never anything of the request.
 */
@ConsoleTest
class ConsoleErrorPageTest {

    static final String[] HTML = {"Accept", "text/html,application/xhtml+xml"};

    @Test
    void formWithoutItsCsrfTokenIsRefusedWithTheConsolesPage() {
        var browser = new SecurityHttp.Browserless();
        browser.signIn("operator", "operator-demo-pass");

        HttpResponse<String> r = browser.postForm(TestPort.console() + "/logout", Map.of(), HTML);

        assertThat(r.statusCode()).isEqualTo(403);
        assertConsolePage(r, "Not allowed");
        assertThat(r.body()).contains("open the screen again and retry");
    }

    @Test
    void missingFrameworkResourceIsNotFoundWithTheConsolesPageAndNoSession() {
        HttpResponse<String> r = SecurityHttp.get(TestPort.console() + "/VAADIN/no-such-file-or-message.js", HTML);

        assertThat(r.statusCode()).isEqualTo(404);
        assertConsolePage(r, "Page not found");
        assertThat(r.body()).doesNotContain("no-such-file-or-message");
        assertThat(SecurityHttp.sessionCookieSet(r)).isEmpty();
    }

    @Test
    void refusalAtTheIdentityProviderLinksBackToTheConsolesHostName() {
        HttpResponse<String> r = SecurityHttp.postForm(TestPort.issuer() + "/idp/login", Map.of("username", "x", "password", "y"), HTML);

        assertThat(r.statusCode()).isEqualTo(403);
        assertConsolePage(r, "Not allowed");
        assertThat(r.body()).contains("href=\"" + TestPort.console() + "/\"");
    }

    static void assertConsolePage(HttpResponse<String> r, String title) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).doesNotContain("Whitelabel").contains("id=\"console-error-page\"").contains("<h1>" + title + "</h1>")
                .contains("Back to the overview").doesNotContain("Exception").doesNotContain("trace");
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(r.body()).contains("Request id: <code>" + requestId + "</code>");
    }
}
