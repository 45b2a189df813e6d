package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.console.resilience.Roles;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.ConsoleSessionService;
import io.sextant.platform.identity.OperatorService;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A security admin ends other operators' console sessions; the ended browser is signed out at its next step. */
@ConsoleTest
class SessionControlTest {

    static Browser browser;

    @Autowired
    OperatorService operators;

    @Autowired
    ConsoleSessionService sessions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void securityAdminEndsOneSessionOnTheSessionsScreenAndThatOperatorsNextNavigationLandsOnSignIn() {
        String target = newOperator();
        Page victim = browser.newPage();
        Browser.signIn(victim, TestPort.console(), target, "session-target-pass");
        Browser.vaadinIdle(victim);
        String key = sessionKey(victim);
        assertThat(openSession(key)).isTrue();

        Page admin = browser.newPage();
        Browser.signIn(admin, TestPort.console(), "secadmin", "secadmin-demo-pass");
        admin.navigate(TestPort.console() + "/security/sessions");
        admin.waitForSelector("#sessions-grid");
        Browser.vaadinIdle(admin);
        admin.click("#end-session-" + key);
        Browser.vaadinIdle(admin);
        admin.waitForSelector("#end-session-" + key, new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));

        // Recorded and audited.
        Map<String, Object> row = jdbc.queryForMap("select ended_at, ended_by, end_reason from security.console_session where session_key = ?", key);
        assertThat(row.get("ended_at")).isNotNull();
        assertThat(row.get("ended_by")).isEqualTo("secadmin");
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.session.end' "
                + "and target_id = ? and actor = 'secadmin' and outcome = 'succeeded'", Long.class, key)).isOne();

        // The operator's next navigation is a sign-in, not the console.
        victim.navigate(TestPort.console() + "/");
        victim.waitForURL(url -> url.contains("/idp/login"));
        assertThat(victim.locator("#sign-in").isVisible()).isTrue();
        assertThat(victim.locator("#home-view").count()).isZero();

        // The admin's own session is untouched.
        admin.navigate(TestPort.console() + "/");
        admin.waitForSelector("#home-view");
        victim.context().close();
        admin.context().close();
    }

    @Test
    void endingAllSessionsOfAnOperatorSignsOutEveryBrowserOfThatOperator() {
        String target = newOperator();
        Page first = browser.newPage();
        Browser.signIn(first, TestPort.console(), target, "session-target-pass");
        Page second = browser.newPage();
        Browser.signIn(second, TestPort.console(), target, "session-target-pass");
        String k1 = sessionKey(first);
        String k2 = sessionKey(second);
        assertThat(k1).isNotEqualTo(k2);

        int ended = Roles.as("secadmin", () -> sessions.endAllSessionsOf(target), ConsoleRole.SECURITY_ADMIN);

        assertThat(ended).isEqualTo(2);
        assertThat(openSession(k1)).isFalse();
        assertThat(openSession(k2)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from security.console_session where username = ? and ended_by = 'secadmin'",
                Long.class, target)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.session.end-all' "
                + "and target_id = ? and actor = 'secadmin'", Long.class, target)).isOne();
        for (Page page : new Page[] {first, second}) {
            page.navigate(TestPort.console() + "/");
            page.waitForURL(url -> url.contains("/idp/login"));
            assertThat(page.locator("#home-view").count()).isZero();
            page.context().close();
        }
    }

    private String newOperator() {
        String name = "session-target-" + UUID.randomUUID().toString().substring(0, 8);
        Roles.run("secadmin", () -> operators.create(name, "Session target", null, "session-target-pass",
                Set.of(ConsoleRole.OPERATOR)), ConsoleRole.SECURITY_ADMIN);
        return name;
    }

    private boolean openSession(String key) {
        return jdbc.queryForObject("select count(*) from security.console_session where session_key = ? and ended_at is null",
                Long.class, key) == 1;
    }

    /** The durable key of the console session this browser holds (a hash of its servlet session id). */
    private static String sessionKey(Page page) {
        String id = page.context().cookies(TestPort.console()).stream().filter(c -> c.name.equals("JSESSIONID"))
                .findFirst().orElseThrow().value;
        return ConsoleSessionService.keyOf(id);
    }
}
