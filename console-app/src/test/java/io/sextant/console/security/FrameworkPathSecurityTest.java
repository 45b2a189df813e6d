package io.sextant.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vaadin's framework paths and the console's forms against strangers and forged requests. */
@ConsoleTest
class FrameworkPathSecurityTest {

    @ParameterizedTest
    @ValueSource(strings = {"/VAADIN", "/VAADIN/", "/VAADIN/../", "/VAADIN/build/", "/VAADIN/dynamic/resource/0/x/y.txt",
            "/VAADIN/push", "/?v-r=uidl", "/?v-r=uidl&v-uiId=0", "/?v-r=heartbeat", "/?v-r=heartbeat&v-uiId=0", "/?v-r=init&location=",
            "/?v-r=push", "/audit?v-r=heartbeat", "/HEARTBEAT", "/HEARTBEAT/", "/heartbeat", "/UIDL", "/offline.html",
            "/manifest.webmanifest"})
    void anonymousFrameworkRequestReachesNothingAndCreatesNoSession(String path) {
        assertReachesNothingWithoutSession(SecurityHttp.get(TestPort.console() + path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?v-r=uidl&v-uiId=0", "/?v-r=heartbeat&v-uiId=0", "/?v-r=event", "/HEARTBEAT", "/VAADIN"})
    void anonymousFrameworkPostReachesNothingAndCreatesNoSession(String path) {
        assertReachesNothingWithoutSession(SecurityHttp.send(SecurityHttp.request(TestPort.console() + path, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}")).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/audit", "/security/keys"})
    void anonymousPageVisitIsStillSentToSignIn(String path) {
        HttpResponse<String> r = SecurityHttp.get(TestPort.console() + path);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(TestPort.console() + "/oauth2/authorization/sextant");
    }

    @Test
    void signedInOperatorStillGetsTheClientAndItsResources() {
        var browser = new SecurityHttp.Browserless();
        HttpResponse<String> home = browser.signIn("operator", "operator-demo-pass");
        Matcher script = Pattern.compile("VAADIN/build/[^\"']+\\.js").matcher(home.body());
        assertThat(script.find()).as("the bootstrap page names its script").isTrue();
        HttpResponse<String> js = browser.get(TestPort.console() + "/" + script.group());
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).isNotEmpty();
        HttpResponse<String> init = browser.get(TestPort.console() + "/?v-r=init&location=");
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.body()).contains("Vaadin-Security-Key");
    }

    @Test
    void logoutWithoutCsrfTokenIsRefusedAndTheSessionLivesOn() {
        var browser = new SecurityHttp.Browserless();
        HttpResponse<String> home = browser.signIn("operator", "operator-demo-pass");

        HttpResponse<String> forged = browser.postForm(TestPort.console() + "/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = browser.postForm(TestPort.console() + "/logout", Map.of("_csrf", "forged"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(browser.get(TestPort.console() + "/").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> real = browser.postForm(TestPort.console() + "/logout", Map.of("_csrf", metaCsrf(home.body())));
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(browser.get(TestPort.console() + "/").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void uidlRequestWithoutTheRightCsrfTokenIsRefused() {
        var browser = new SecurityHttp.Browserless();
        browser.signIn("operator", "operator-demo-pass");
        HttpResponse<String> init = browser.get(TestPort.console() + "/?v-r=init&location=");
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"").matcher(init.body());
        assertThat(key.find()).isTrue();

        String[] forged = {"{\"csrfToken\":\"wrong\",\"rpc\":[],\"syncId\":0,\"clientId\":0}",
                "{\"csrfToken\":\"\",\"rpc\":[],\"syncId\":0,\"clientId\":0}", "{\"rpc\":[],\"syncId\":0,\"clientId\":0}"};
        for (String body : forged) {
            HttpResponse<String> r = uidl(browser, body);
            assertThat(r.body()).as("answer to %s", body).contains("\"appError\"").contains("\"syncId\":-1");
        }
        HttpResponse<String> real = uidl(browser, "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[],\"syncId\":0,\"clientId\":0}");
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(real.body()).as("the forged messages were not processed").contains("\"syncId\":1").doesNotContain("appError");
    }

    @Test
    void idpSignInWithoutCsrfTokenIsRefused() {
        var browser = new SecurityHttp.Browserless();
        HttpResponse<String> form = browser.follow(browser.get(TestPort.console() + "/"));
        assertThat(form.uri().getPath()).isEqualTo("/idp/login");
        HttpResponse<String> forged = browser.postForm(TestPort.issuer() + "/idp/login",
                Map.of("username", "operator", "password", "operator-demo-pass"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = browser.postForm(TestPort.issuer() + "/idp/login",
                Map.of("username", "operator", "password", "operator-demo-pass", "_csrf", "forged"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> real = browser.postForm(TestPort.issuer() + "/idp/login",
                Map.of("username", "operator", "password", "operator-demo-pass", "_csrf", SecurityHttp.hiddenInput(form.body(), "_csrf")));
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorize");
    }

    static HttpResponse<String> uidl(SecurityHttp.Browserless browser, String body) {
        return browser.send(SecurityHttp.request(TestPort.console() + "/?v-r=uidl&v-uiId=0", "Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String metaCsrf(String html) {
        Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the page carries its CSRF token").isTrue();
        return m.group(1);
    }

    static void assertReachesNothingWithoutSession(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("status of %s", r.uri()).isIn(400, 401, 404);
        assertThat(SecurityHttp.sessionCookieSet(r)).as("session cookie set by %s", r.uri()).isEmpty();
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContainIgnoringCase("jsessionid");
        assertThat(r.body()).doesNotContain("Vaadin-Security-Key").doesNotContain("<html");
    }
}
