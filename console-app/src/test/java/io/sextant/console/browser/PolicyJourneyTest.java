package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The policy journey: an operator simulates another tenant's user updating CRM documents (rows
 * silently skipped, with the tenant rule's verdict and the values it saw), then a CRM user moving
 * documents to another tenant (refused by WITH CHECK) and asks why; then a least-privilege proposal.
 */
@ConsoleTest
class PolicyJourneyTest {

    static Browser browser;

    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    UUID inventoryId() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test", null,
                java.util.List.of(new SimpleGrantedAuthority(ConsoleRole.OPERATOR.authority()))));
        try {
            UUID org = organizations.find("field-tools").orElseThrow().id();
            return projects.list(org).stream().filter(p -> p.slug().equals("inventory")).findFirst().orElseThrow().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void choose(Page page, String select, String option) {
        page.click(select);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option)).first().click();
        Browser.vaadinIdle(page);
    }

    /** Signs in and opens the CRM project's policies. */
    static Page crmPolicies(String user, String password) {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), user, password);
        page.click("#side-nav >> text=Policies");
        page.waitForSelector("#policies-view");
        Browser.vaadinIdle(page);
        choose(page, "#policy-project", "nimbus-crm/crm-eu");
        page.waitForSelector("#policy-tabs");
        Browser.vaadinIdle(page);
        return page;
    }

    /** Compliance staff read decisions and explanations but not the tenant's rows (D009): row values are hidden and they are told so. */
    @Test
    void complianceReadsDecisionsWithTheRowValuesHidden() {
        Page page = crmPolicies("compliance", "compliance-demo-pass");
        page.click("#tab-decisions");
        page.waitForSelector("#decisions-grid");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#decisions-masked")).contains("Row values are hidden");
        page.locator("#decisions-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("row values hidden")).first().click();
        page.waitForSelector("#decisions-explanation #explanation-inputs");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#decisions-explanation #explanation-inputs")).contains("your role may not see this tenant's rows");
        page.locator("#decisions-explanation").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "policy-6-compliance-decisions");
        page.context().close();
    }

    @Test
    void operatorSimulatesExplainsAndNarrowsAPolicy() {
        UUID inventory = inventoryId();
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        page.click("#side-nav >> text=Policies");
        page.waitForSelector("#policies-view");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#policy-no-project")).contains("Choose a project");
        choose(page, "#policy-project", "nimbus-crm/crm-eu");
        page.waitForSelector("#policy-tabs");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#platform-rules")).contains("platform_tenant_update");
        Browser.screenshot(page, "policy-1-policy-tab");
        page.click("#policy-check");
        page.waitForSelector("#policy-rls-sql");
        page.locator("#policy-rls-sql").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "policy-1b-rls-preview");

        page.click("#tab-simulator");
        page.waitForSelector("#sim-run");
        choose(page, "#sim-tenant", "field-tools/inventory");
        choose(page, "#sim-command", "UPDATE");
        page.locator("#sim-set textarea").fill("title=x");
        page.click("#sim-run");
        page.waitForSelector("#sim-summary");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#sim-summary")).startsWith("0 of ").contains("updated");
        assertThat(page.textContent("#sim-rows")).contains("Silently skipped");
        page.locator("#sim-rows vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Silently skipped")).first().click();
        page.waitForSelector("#sim-rules-2");
        Browser.vaadinIdle(page);
        String verdicts = page.textContent("#sim-rules-2");
        assertThat(verdicts).contains("platform_tenant_update").contains("FALSE").contains("resource.tenant_id = ")
                .contains("principal.tenant = field-tools/inventory").doesNotContain(inventory.toString());
        page.locator("#sim-rules-2").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "policy-2-skipped");

        choose(page, "#sim-tenant", "nimbus-crm/crm-eu");
        page.locator("#sim-set textarea").fill("tenant_id=" + inventory);
        page.click("#sim-run");
        page.waitForSelector("#sim-refused");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#sim-summary")).contains("refused");
        assertThat(page.textContent("#sim-rows")).contains("WITH CHECK");
        page.locator("#sim-rows vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("WITH CHECK")).first().click();
        page.waitForSelector("#sim-why-3");
        page.click("#sim-why-3");
        page.waitForSelector("#explanation-summary");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#explanation")).contains("DENY");
        Browser.screenshot(page, "policy-3-refused-why");

        page.click("#tab-decisions");
        page.waitForSelector("#decisions-grid");
        Browser.vaadinIdle(page);
        Browser.screenshot(page, "policy-4-decisions");

        // "why would this be denied?" for a principal + action + resource (an API action here)
        page.locator("#ask-action input").fill("contacts.export");
        page.locator("#ask-type input").fill("project");
        page.locator("#ask-risk input").fill("90");
        page.click("#ask-run");
        page.waitForSelector("#ask-explanation #explanation-summary");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#ask-explanation")).contains("DENY").contains("block_risky_exports").contains("context.risk = 90");
        page.locator("#ask-explanation").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "policy-4b-why-request");

        page.click("#tab-least-privilege");
        page.click("#lp-run");
        page.waitForSelector("#lp-preview");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#lp-source")).contains("rule");
        assertThat(page.textContent("#lp-preview")).contains("Still allowed").contains("Newly allowed");
        Browser.screenshot(page, "policy-5-least-privilege");
        page.context().close();
    }

    /** The demo's API-only draft: no SQL for the board, so the operator proposes it and secadmin approves it on the Policy tab. */
    @Test
    void theDemosApiOnlyVersionIsProposedByTheOperatorAndPublishedBySecadmin() {
        String hash = jdbc.queryForObject("select version_hash from authz.policy_version where source like '%rule view_audit:%' "
                + "and author = 'system:demo'", String.class).substring(0, 12);
        Page page = crmPolicies("operator", "operator-demo-pass");
        assertThat(page.textContent("#policy-approve-why-not")).contains("Security admin role");
        page.locator("#policy-versions vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(hash)).first().click();
        Browser.vaadinIdle(page);
        page.click("#policy-propose");
        page.waitForSelector("#policy-proposed-for-approval");
        Browser.vaadinIdle(page);
        page.locator("#policy-version-result").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "policy-7-proposed-for-approval");
        page.context().close();

        Page admin = crmPolicies("secadmin", "secadmin-demo-pass");
        admin.locator("#policy-versions vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(hash)).first().click();
        Browser.vaadinIdle(admin);
        admin.locator("#policy-approve").scrollIntoViewIfNeeded();
        Browser.screenshot(admin, "policy-8-approve");
        admin.click("#policy-approve");
        admin.waitForSelector("#policy-approval-result");
        Browser.vaadinIdle(admin);
        assertThat(admin.textContent("#published-version")).contains(hash).contains("secadmin (security admin approval)");
        admin.locator("#published-version").scrollIntoViewIfNeeded();
        Browser.screenshot(admin, "policy-9-published");
        admin.context().close();
    }
}
