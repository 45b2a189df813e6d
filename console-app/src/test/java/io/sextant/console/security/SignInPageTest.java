package io.sextant.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in provider's sign-in form cannot be made to say anything by a link, keeps the
 * username after a refused attempt, and says what to do. (Two refused attempts of unknown users:
 * far below the per-address limit that the other sign-in tests share.)
 */
@ConsoleTest
class SignInPageTest {

    static final String PHISH = "Your account is locked. Call +1 555 0100 to unlock it";

    @Test
    void textInTheAddressNeverAppearsOnTheSignInPage() {
        var browser = new SecurityHttp.Browserless();
        HttpResponse<String> form = browser.follow(browser.get(TestPort.console() + "/"));
        assertThat(form.uri().getPath()).isEqualTo("/idp/login");

        for (String query : new String[] {"error=" + URLEncoder.encode(PHISH, StandardCharsets.UTF_8), "error", "logout=" + PHISH.replace(' ', '+')}) {
            HttpResponse<String> page = browser.get(TestPort.issuer() + "/idp/login?" + query);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as("?%s", query).doesNotContain("Your account is locked").doesNotContain("555")
                    .doesNotContain("login-error");
        }
    }

    @Test
    void wrongPasswordKeepsTheUsernameSaysWhatToDoAndOnlyOnce() {
        var browser = new SecurityHttp.Browserless();
        HttpResponse<String> form = browser.follow(browser.get(TestPort.console() + "/"));

        HttpResponse<String> refused = browser.postForm(TestPort.issuer() + "/idp/login",
                Map.of("username", "signin-page-nobody", "password", "not-the-password", "_csrf", SecurityHttp.hiddenInput(form.body(), "_csrf")));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/idp/login?error");

        String again = browser.follow(refused).body();
        assertThat(again).contains("id=\"login-error\"").contains("Wrong username or password. Check both")
                .contains("A security admin of your platform can help.");
        assertThat(again).contains("id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"signin-page-nobody\">");
        assertThat(again).contains("autocomplete=\"current-password\" required autofocus>");

        String reloaded = browser.get(TestPort.issuer() + "/idp/login?error").body();
        assertThat(reloaded).doesNotContain("login-error").contains("value=\"\" autofocus>");
    }

    @Test
    void keptUsernameIsEscaped() {
        var browser = new SecurityHttp.Browserless();
        HttpResponse<String> form = browser.follow(browser.get(TestPort.console() + "/"));
        HttpResponse<String> refused = browser.postForm(TestPort.issuer() + "/idp/login",
                Map.of("username", "x\"><script>alert(1)</script>", "password", "whatever-it-is", "_csrf",
                        SecurityHttp.hiddenInput(form.body(), "_csrf")));
        String again = browser.follow(refused).body();
        assertThat(again).doesNotContain("<script>alert(1)").contains("value=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
    }
}
