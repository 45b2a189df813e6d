package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new operator's dead ends in real Chromium: a typo, a screen of another role, a wrong password.
 * Each ends on a page of the console that says what to do (screenshots under target/screenshots).
 */
@ConsoleTest
class FirstHourJourneyTest {

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void typoAndScreenOfAnotherRoleEndOnTheConsolesOwnPagesWithTheMenu() {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "support", "support-demo-pass");

        page.navigate(TestPort.console() + "/projects/x");
        page.waitForSelector("#not-found-view");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#not-found-view")).contains("Page not found").contains("/projects/x");
        assertThat(page.locator("#side-nav").isVisible()).isTrue();
        assertThat(page.content()).doesNotContain("Whitelabel").doesNotContain("Could not navigate");
        Browser.screenshot(page, "not-found");

        page.navigate(TestPort.console() + "/security/keys");
        page.waitForSelector("#access-denied-view");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#access-denied-reason")).contains("Signing keys").contains("Security admin role");
        assertThat(page.locator("#side-nav").textContent()).contains("Projects").doesNotContain("Signing keys");
        Browser.screenshot(page, "needs-role");
        page.context().close();
    }

    @Test
    void wrongPasswordKeepsTheUsernameAndSaysWhatToDo() {
        Page page = browser.newPage();
        page.navigate(TestPort.console() + "/");
        page.waitForURL(url -> url.contains("/idp/login"));
        page.fill("#username", "first-hour-nobody");
        page.fill("#password", "not-the-password");
        page.click("#sign-in");
        page.waitForSelector("#login-error");
        assertThat(page.textContent("#login-error")).contains("Wrong username or password").contains("security admin");
        assertThat(page.inputValue("#username")).isEqualTo("first-hour-nobody");
        assertThat(page.url()).endsWith("/idp/login?error");
        Browser.screenshot(page, "sign-in-wrong-password");
        page.context().close();
    }
}
