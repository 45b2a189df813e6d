package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.console.resilience.Roles;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.OperatorService;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brute force at the built-in provider's sign-in form: after five wrong passwords for one user
 * the form refuses that user, even with the right password; every failure is logged without the
 * password, recorded and audited. Uses its own operator so no demo user is locked out.
 */
@ConsoleTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    static final int USER_LIMIT = 5;
    static final String RIGHT = "throttle-right-pass";
    static final String WRONG = "wrong-pass-";

    static Browser browser;

    @Autowired
    OperatorService operators;

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
    void afterFiveWrongPasswordsTheUserIsRefusedEvenWithTheRightOne(CapturedOutput output) {
        String user = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        Roles.run("secadmin", () -> operators.create(user, "Throttle target", null, RIGHT, Set.of(ConsoleRole.OPERATOR)),
                ConsoleRole.SECURITY_ADMIN);
        Page page = browser.newPage();

        for (int i = 1; i <= USER_LIMIT; i++) {
            attempt(page, user, WRONG + i);
            assertThat(page.textContent("#login-error")).as("attempt %d", i).contains("Wrong username or password");
        }
        attempt(page, user, RIGHT);
        assertThat(page.textContent("#login-error")).contains("Too many failed sign-ins");
        assertThat(page.url()).startsWith(TestPort.issuer() + "/idp/login");
        assertThat(page.locator("#home-view").count()).isZero();
        page.context().close();

        // Recorded: five bad passwords and the refused sixth attempt, none succeeded.
        assertThat(jdbc.queryForList("select reason from security.login_attempt where username = ? order by attempt_id",
                String.class, user)).containsExactly("bad credentials", "bad credentials", "bad credentials", "bad credentials",
                "bad credentials", "throttled");
        assertThat(jdbc.queryForObject("select count(*) from security.login_attempt where username = ? and succeeded",
                Long.class, user)).isZero();
        // Audited as refused sign-ins.
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.login' "
                + "and target_id = ? and outcome = 'refused'", Long.class, user)).isEqualTo(USER_LIMIT + 1);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.login' "
                + "and target_id = ? and outcome = 'succeeded'", Long.class, user)).isZero();
        // Logged as WARN lines naming the user, never a password.
        assertThat(output.getAll()).contains("WARN").contains("Sign-in failed for user '" + user + "' from 127.0.0.1: bad credentials")
                .doesNotContain(WRONG).doesNotContain(RIGHT);
    }

    private static void attempt(Page page, String user, String password) {
        page.navigate(TestPort.console() + "/");
        page.waitForURL(url -> url.contains("/idp/login"));
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#sign-in");
        page.waitForSelector("#login-error");
    }
}
