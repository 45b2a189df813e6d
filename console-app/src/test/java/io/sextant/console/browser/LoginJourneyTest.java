package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.identity.SigningKeyService;
import io.sextant.platform.status.PlatformStatusService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The sign-in journeys in real Chromium against the real console and database. */
@ConsoleTest
class LoginJourneyTest {

    static Browser browser;

    @Autowired
    PlatformStatusService status;

    @Autowired
    SigningKeyService keys;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        Page page = browser.newPage();
        page.navigate(TestPort.console() + "/audit");
        page.waitForURL(url -> url.contains("/idp/login"));
        assertThat(page.url()).startsWith(TestPort.issuer() + "/idp/login");
        assertThat(page.locator("#sign-in").isVisible()).isTrue();
        page.context().close();
    }

    @Test
    void wrongPasswordIsRefusedWithAClearMessage() {
        Page page = browser.newPage();
        page.navigate(TestPort.console() + "/");
        page.waitForURL(url -> url.contains("/idp/login"));
        page.fill("#username", "support");
        page.fill("#password", "not-the-password");
        page.click("#sign-in");
        page.waitForSelector("#login-error");
        assertThat(page.textContent("#login-error")).contains("Wrong username or password");
        page.context().close();
    }

    @Test
    void demoOperatorSeesWhatNeedsThemOnTheHomePageAndRealCountsOnProjects() {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        var expected = asAdmin(() -> status.status());
        assertThat(page.textContent("#home-cards")).contains("Waiting for your approval").contains("Failed or stuck changes")
                .contains("Residency violations");
        assertThat(page.textContent("#database-status")).contains("Healthy").contains("PostgreSQL 18");
        assertThat(expected.projects()).isPositive();
        page.click("#side-nav >> text=Projects");
        page.waitForSelector("#projects-by-region-chart[data-rendered=true] svg");
        assertThat(page.locator("#projects-grid vaadin-grid-cell-content").allTextContents()).isNotEmpty();
        Browser.screenshot(page, "home");
        page.context().close();
    }

    @Test
    void operatorWithoutTheRoleCannotOpenARestrictedViewAndTheServiceRefusesToo() {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "support", "support-demo-pass");
        assertThat(page.locator("#side-nav").textContent()).doesNotContain("Signing keys").doesNotContain("Audit log");
        page.navigate(TestPort.console() + "/security/keys");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#signing-keys-view").count()).isZero();
        page.context().close();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "support", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_SUPPORT"))));
        try {
            assertThatThrownBy(() -> keys.rotate()).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void signOutEndsTheSessionAndTheBackButtonCannotUndoIt() {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "compliance", "compliance-demo-pass");
        page.navigate(TestPort.console() + "/audit");
        page.waitForSelector("#audit-view");
        Browser.vaadinIdle(page);
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.click("#sign-out");
        page.waitForURL(url -> !url.contains("/audit"));
        page.goBack();
        page.waitForLoadState();
        page.navigate(TestPort.console() + "/audit");
        page.waitForURL(url -> url.contains("/idp/login"));
        assertThat(page.locator("#audit-view").count()).isZero();
        page.context().close();
    }

    @Test
    void complianceVerifiesTheAuditChainOnTheAuditScreen() {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "compliance", "compliance-demo-pass");
        page.navigate(TestPort.console() + "/audit");
        page.waitForSelector("#audit-grid");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#audit-grid").textContent()).contains("identity.login");
        page.click("#verify-chain");
        page.waitForSelector("#verification-result .sx-badge");
        assertThat(page.textContent("#verification-result")).startsWith("Intact");
        Browser.screenshot(page, "audit");
        page.context().close();
    }

    static <T> T asOperator(java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static <T> T asAdmin(java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_SECURITY_ADMIN"))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
