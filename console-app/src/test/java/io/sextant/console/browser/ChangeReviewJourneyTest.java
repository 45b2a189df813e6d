package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review board journey: submit a risky change to the shared tenant tables of a region, see
 * lint findings and the shadow measurements, accept the suggested safe rewrite, have another
 * operator approve it, apply it.
 */
@ConsoleTest
class ChangeReviewJourneyTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.sextant.platform.tenancy.RegionServers regions;

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
    void riskyChangeIsRewrittenApprovedByAnotherOperatorAndApplied() throws java.sql.SQLException {
        Page author = browser.newPage();
        Browser.signIn(author, TestPort.console(), "operator", "operator-demo-pass");
        author.navigate(TestPort.console() + "/changes");
        author.waitForSelector("#changes-view");
        Browser.vaadinIdle(author);
        author.click("#submit-change");
        author.click("#change-target");
        author.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Shared tenant tables in eu-central")).first().click();
        Browser.vaadinIdle(author);
        Browser.screenshot(author, "change-submit-dialog");
        author.locator("#change-description input").fill("Index documents by title");
        author.locator("#change-forward textarea").fill("create index document_title_idx on tenant_data.document (title);");
        author.click("#change-submit");
        author.waitForSelector("#change-view");
        Browser.vaadinIdle(author);
        author.click("#run-checks");
        try {
            author.waitForSelector("#check-report", new Page.WaitForSelectorOptions().setTimeout(120_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            Browser.screenshot(author, "change-check-timeout");
            throw new AssertionError("No check report; the page shows: " + author.textContent("#change-view"), e);
        }
        Browser.vaadinIdle(author);
        assertThat(author.textContent("#lint-grid")).contains("require-concurrent-index-creation");
        assertThat(author.textContent("#shadow-grid")).contains("SHARE on");
        assertThat(author.textContent("#rollback-verdict")).contains("Verified");
        Browser.screenshot(author, "change-risky");

        author.click("#suggest-rewrite");
        author.waitForSelector("#accept-suggestion");
        assertThat(author.textContent("#suggestion-sql").toLowerCase()).contains("concurrently");
        String originalUrl = author.url();
        author.click("#accept-suggestion");
        // the original (awaiting approval) offers "Check again" too: wait for the rewrite's own page
        author.waitForURL(url -> !url.equals(originalUrl));
        author.waitForSelector("#run-checks");
        String rewrittenUrl = author.url();
        author.click("#run-checks");
        author.waitForSelector("#check-report", new Page.WaitForSelectorOptions().setTimeout(120_000));
        Browser.vaadinIdle(author);
        assertThat(author.textContent("#forward-sql").toLowerCase()).contains("concurrently");
        assertThat(author.textContent("#shadow-grid")).doesNotContain("SHARE on");
        String state = author.textContent("#change-state");
        if (state.contains("needs approval")) {
            // The author may not approve their own change: the button says so before anyone presses it.
            assertThat(author.isDisabled("#approve")).isTrue();
            assertThat(author.textContent("#approve-why-not")).contains("You wrote this change: someone else approves it");
            Browser.screenshot(author, "change-author-cannot-approve");
            author.locator("#check-report").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Browser.SCREENSHOTS.resolve("change-check-report.png")));
            assertThat(author.textContent("#change-state")).contains("needs approval");
            author.context().close();
            Page approver = browser.newPage();
            Browser.signIn(approver, TestPort.console(), "secadmin", "secadmin-demo-pass");
            approver.navigate(rewrittenUrl);
            approver.waitForSelector("#approve");
            approver.click("#approve");
            approver.waitForSelector("#apply-change");
            author = approver;
        }
        author.click("#apply-change");
        author.waitForFunction("() => document.querySelector('#change-state') && document.querySelector('#change-state').textContent.startsWith('applied')",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        Browser.vaadinIdle(author);
        Browser.screenshot(author, "change-applied");
        assertThat(author.textContent("#change-state")).startsWith("applied");

        // The audit trail of the change, newest first: the apply on top, the submission at the bottom.
        author.locator("#change-audit").scrollIntoViewIfNeeded();
        String trail = author.textContent("#change-audit");
        assertThat(trail).contains("change.apply", "change.checked", "change.submit", "succeeded");
        assertThat(trail.indexOf("change.apply")).isLessThan(trail.indexOf("change.submit"));
        Browser.screenshot(author, "change-audit-trail");

        // Drift of the target just changed through the board: none.
        author.navigate(TestPort.console() + "/changes/drift");
        author.waitForSelector("#drift-view");
        Browser.vaadinIdle(author);
        author.click("#drift-target");
        author.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Shared tenant tables in eu-central")).first().click();
        Browser.vaadinIdle(author);
        author.click("#run-drift");
        author.waitForSelector("#drift-summary", new Page.WaitForSelectorOptions().setTimeout(60_000));
        Browser.vaadinIdle(author);
        assertThat(author.textContent("#drift-summary")).contains("No drift");
        Browser.screenshot(author, "change-drift");

        // An index created behind the board's back is drift, shown as DDL.
        try (java.sql.Connection c = regions.owner("eu-central"); java.sql.Statement st = c.createStatement()) {
            st.execute("create index drift_probe on tenant_data.event_log (kind)");
        }
        try {
            author.click("#run-drift");
            author.waitForFunction("() => document.querySelector('#drift-summary') && !document.querySelector('#drift-summary').textContent.includes('No drift')",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            Browser.vaadinIdle(author);
            assertThat(author.textContent("#drift-view")).contains("drift_probe");
            Browser.screenshot(author, "change-drift-found");
        } finally {
            try (java.sql.Connection c = regions.owner("eu-central"); java.sql.Statement st = c.createStatement()) {
                st.execute("drop index if exists tenant_data.drift_probe");
            }
        }

        // The queue of each target in order, with the version each change applied or will apply as.
        author.navigate(TestPort.console() + "/changes");
        author.waitForSelector("#changes-grid");
        Browser.vaadinIdle(author);
        assertThat(author.textContent("#queue-summary")).contains("the next change applies as version");
        Browser.screenshot(author, "changes-queue");

        // The original, rejected when its rewrite was accepted, can still be revised or abandoned.
        author.navigate(originalUrl);
        author.waitForSelector("#change-view");
        Browser.vaadinIdle(author);
        assertThat(author.textContent("#change-state")).startsWith("rejected");
        assertThat(author.locator("#revise-change").isVisible()).isTrue();
        assertThat(author.locator("#abandon-change").isVisible()).isTrue();
        Browser.screenshot(author, "change-rejected-revisable");
        author.context().close();
    }
}
