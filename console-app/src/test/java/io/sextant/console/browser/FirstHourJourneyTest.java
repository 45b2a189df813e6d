package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new operator's first hour in real Chromium: an account made by a security admin, a tenant
 * onboarded, a table looked up beside the editor, a typo caught at submit, a change that fails in
 * its checks revised in place, approved by a second person and applied, then the policy → change
 * link; and the dead ends (a typo in a URL, a screen of another role, a wrong password), each ending
 * on a page of the console that says what to do. Screenshots under target/screenshots.
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

    /** Clicks and typed fields of "a first schema change, from sign-in to applied" (the measure). */
    static final class Effort {
        int clicks;
        int fields;

        void click(Page page, String selector) {
            clicks++;
            page.click(selector);
        }

        void click(Locator locator) {
            clicks++;
            locator.click();
        }

        void fill(Locator locator, String text) {
            fields++;
            locator.fill(text);
        }

        void choose(Page page, String select, String option) {
            click(page, select);
            click(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option)).first());
        }

        void signIn(Page page, String username, String password) {
            page.navigate(TestPort.console() + "/");
            page.waitForURL(url -> url.contains("/idp/login"));
            fill(page.locator("#username"), username);
            fill(page.locator("#password"), password);
            click(page, "#sign-in");
            page.waitForURL(url -> !url.contains("/idp/"));
            page.waitForSelector("#side-nav");
            Browser.vaadinIdle(page);
        }
    }

    @Test
    void newOperatorOnboardsATenantAndTakesAFirstChangeFromTypoToApplied() {
        // A security admin gives the newcomer an account.
        Page admin = browser.newPage();
        Browser.signIn(admin, TestPort.console(), "secadmin", "secadmin-demo-pass");
        admin.navigate(TestPort.console() + "/security/operators");
        admin.waitForSelector("#operators-view");
        Browser.vaadinIdle(admin);
        admin.click("#add-operator");
        admin.locator("#new-operator-username input").fill("first-hour-op");
        admin.locator("#new-operator-password input").fill("first-hour-op-pass-1");
        admin.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Operator")).first().click();
        admin.click("#create-operator");
        admin.waitForSelector("#operators-grid >> text=first-hour-op");
        admin.context().close();

        // The newcomer signs in: the home page says what needs them.
        Effort effort = new Effort();
        Page page = browser.newPage();
        page.setViewportSize(1440, 900);
        effort.signIn(page, "first-hour-op", "first-hour-op-pass-1");
        Browser.screenshot(page, "first-hour-home");

        // Onboards a tenant (not counted: the measure is the schema change).
        page.navigate(TestPort.console() + "/onboarding");
        page.waitForSelector("#onboarding-view");
        Browser.vaadinIdle(page);
        page.locator("#org input").fill("harbor");
        page.locator("#org input").press("Enter");
        Browser.vaadinIdle(page);
        page.locator("#new-org-name input").fill("Harbor Logistics");
        page.locator("#project-name input").fill("Fleet Portal");
        page.locator("#project-name input").press("Tab");
        Browser.vaadinIdle(page);
        page.locator("#q-residency vaadin-radio-button", new Page.LocatorOptions().setHasText("In the EU")).click();
        Browser.vaadinIdle(page);
        page.click("#run-preflight");
        Browser.vaadinIdle(page);
        page.click("#apply");
        page.waitForSelector("#tenant-ready", new Page.WaitForSelectorOptions().setTimeout(60_000));
        Browser.screenshot(page, "first-hour-onboarded");

        // The first schema change: looks the table up beside the editor, a typo in its name is caught at submit.
        effort.click(page, "#side-nav >> text=Change review");
        page.waitForSelector("#changes-view");
        Browser.vaadinIdle(page);
        effort.click(page, "#submit-change");
        effort.choose(page, "#change-target", "Shared tenant tables in eu-central");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#schema-search-path")).contains("search_path");
        page.locator("#schema-filter input").fill("document");
        page.waitForFunction("() => document.querySelector('#schema-summary').textContent.includes('match')");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#schema-grid")).contains("tenant_data.document");
        effort.fill(page.locator("#change-description input"), "Record when a document was reviewed");
        effort.fill(page.locator("#change-forward textarea"), "alter table tenant_data.documnet add column reviewed_at timestamptz;\n"
                + "create index document_reviewed_idx on tenant_data.document (reviewd_at);");
        effort.click(page, "#change-submit");
        page.waitForSelector("#change-draft-findings p");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#change-draft-findings")).contains("Did you mean tenant_data.document?");
        Browser.screenshot(page, "first-hour-typo-caught");
        effort.fill(page.locator("#change-forward textarea"), "alter table tenant_data.document add column reviewed_at timestamptz;\n"
                + "create index document_reviewed_idx on tenant_data.document (reviewd_at);");
        effort.click(page, "#change-submit");
        page.waitForSelector("#change-view");
        Browser.vaadinIdle(page);

        // The second typo (a column) fails in the checks; the change is revised in place, not resubmitted.
        effort.click(page, "#run-checks");
        page.waitForFunction("() => document.querySelector('#change-state') && document.querySelector('#change-state').textContent.startsWith('failed')",
                null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#change-view")).contains("reviewd_at");
        String changeUrl = page.url();
        Browser.screenshot(page, "first-hour-failed-in-checks");
        effort.click(page, "#revise-change");
        page.waitForSelector("#revise-forward");
        page.waitForSelector("#schema-search-path");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#schema-search-path")).contains("search_path");
        Browser.screenshot(page, "first-hour-revise");
        effort.fill(page.locator("#revise-forward textarea"), "alter table tenant_data.document add column reviewed_at timestamptz;\n"
                + "create index document_reviewed_idx on tenant_data.document (reviewed_at);");
        effort.click(page, "#revise-save");
        Browser.vaadinIdle(page);
        assertThat(page.url()).isEqualTo(changeUrl);
        effort.click(page, "#run-checks");
        page.waitForFunction("() => document.querySelector('#change-state') && !document.querySelector('#change-state').textContent.startsWith('submitted')"
                + " && !document.querySelector('#change-state').textContent.startsWith('checking')",
                null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#change-state")).startsWith("needs approval");
        assertThat(page.isDisabled("#approve")).isTrue();
        Browser.screenshot(page, "first-hour-needs-approval");
        effort.click(page.locator("#user-menu vaadin-menu-bar-button").first());
        effort.click(page, "#sign-out");
        page.waitForURL(url -> !url.contains("/changes"));
        page.context().close();

        // A second person approves and applies.
        Page approver = browser.newPage();
        approver.setViewportSize(1440, 900);
        effort.signIn(approver, "operator", "operator-demo-pass");
        // The home page says what waits for them: the change, one click away.
        assertThat(approver.textContent("#home-approvals")).contains("Record when a document was reviewed").contains("first-hour-op");
        Browser.screenshot(approver, "first-hour-approver-home");
        effort.click(approver.locator("#home-approvals a").filter(new Locator.FilterOptions()
                .setHasText("Record when a document was reviewed")).first());
        approver.waitForSelector("#approve");
        Browser.vaadinIdle(approver);
        effort.click(approver, "#approve");
        approver.waitForSelector("#apply-change:not([disabled])");
        effort.click(approver, "#apply-change");
        approver.waitForFunction("() => document.querySelector('#change-state') && document.querySelector('#change-state').textContent.startsWith('applied')",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        Browser.vaadinIdle(approver);
        assertThat(approver.url()).isEqualTo(changeUrl);
        Browser.screenshot(approver, "first-hour-applied");
        System.out.println("FIRST-HOUR first schema change (typo at submit, failed check, revision, second person, applied): "
                + effort.clicks + " clicks, " + effort.fields + " typed fields");

        // The new tenant's policy, proposed: its review-board change is one link away.
        approver.click("#side-nav >> text=Policies");
        approver.waitForSelector("#policies-view");
        Browser.vaadinIdle(approver);
        approver.click("#policy-project");
        approver.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("harbor/fleet-portal")).first().click();
        approver.waitForSelector("#policy-draft");
        Browser.vaadinIdle(approver);
        approver.locator("#policy-draft textarea").fill("rule fleet_staff_read: permit select on document when principal.role == \"staff\";");
        approver.click("#policy-save");
        approver.waitForFunction("() => document.querySelector('#policy-save-result') && document.querySelector('#policy-save-result').textContent.length > 0");
        Browser.vaadinIdle(approver);
        String saved = approver.textContent("#policy-save-result");
        assertThat(saved).as("the draft saves: %s", approver.textContent("#policy-check-result")).containsAnyOf("Saved draft", "already version");
        // Saving selects the saved version in the versions grid (a click on its row would unselect it).
        approver.click("#policy-propose");
        try {
            approver.waitForSelector("#policy-proposed-link", new Page.WaitForSelectorOptions().setTimeout(60_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            Browser.screenshot(approver, "first-hour-policy-refused");
            throw new AssertionError("Propose gave no review-board link: " + approver.locator("vaadin-notification-card").allTextContents() + " / " + approver.textContent("#policy-version-result"), e);
        }
        Browser.screenshot(approver, "first-hour-policy-proposed");
        approver.click("#policy-proposed-link");
        approver.waitForSelector("#change-view");
        Browser.vaadinIdle(approver);
        assertThat(approver.textContent("#change-view").toLowerCase()).contains("polic");
        Browser.screenshot(approver, "first-hour-policy-change");
        approver.context().close();
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
