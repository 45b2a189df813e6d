package io.sextant.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.ResidencyService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The headline journey: an operator onboards "EU B2B SaaS with personal data" from the questions
 * to a provisioned tenant and lands on its graph.
 */
@ConsoleTest
class OnboardingJourneyTest {

    static Browser browser;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ProjectService projects;

    @Autowired
    ResidencyService residency;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void operatorOnboardsAnEuB2bSaasWithPersonalDataAndLandsOnItsGraph() {
        Page page = browser.newPage();
        page.setViewportSize(1440, 900);
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        // B2B SaaS, business customers and personal data are the defaults; the data must stay in the EU.
        openOnboardingInTheEu(page, "Northwind Traders", "Customer Portal EU");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#setup-region").textContent() + page.locator("#setup-panel").textContent())
                .contains("EU Central").contains("because data must stay in the EU");
        assertThat(page.locator("#setup-conflicts").count()).isZero();
        Browser.screenshot(page, "onboarding-setup");

        page.click("#run-preflight");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#preflight-checks").textContent()).contains("will be created").doesNotContain("✗");
        page.click("#apply");
        page.waitForSelector("#tenant-ready", new Page.WaitForSelectorOptions().setTimeout(60_000));
        assertThat(page.locator("#tenant-ready").textContent()).contains("anon key").contains("service key");
        Browser.screenshot(page, "onboarding-ready");
        page.click("#open-project");
        page.waitForSelector("#project-graph[data-rendered=true] svg");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#project-status")).contains("active");
        Browser.screenshot(page, "project-graph");
        assertGraphFits(page);

        // a second tenant holding health data needs a higher plan: the whole organisation would move, so it asks first
        openOnboardingInTheEu(page, null, "Clinic Records");
        Browser.vaadinIdle(page);
        page.locator("#q-data vaadin-checkbox", new Page.LocatorOptions().setHasText("Health")).click();
        Browser.vaadinIdle(page);
        page.click("#run-preflight");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#plan-change-warning").textContent()).contains("This moves organisation Northwind Traders (northwind)")
                .contains("to the Enterprise plan").contains("Its other project Customer Portal EU gets the Enterprise plan too");
        assertThat(page.locator("#apply").isDisabled()).isTrue();
        page.locator("#plan-change-warning").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "onboarding-plan-change-warning");
        page.locator("#confirm-plan-change").click();
        Browser.vaadinIdle(page);
        assertThat(page.locator("#preflight-checks").textContent()).contains("Confirmed: This moves organisation").doesNotContain("✗");
        assertThat(page.locator("#apply").isEnabled()).isTrue();
        page.locator("#apply").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "onboarding-plan-change-confirmed");
        page.context().close();

        var project = LoginJourneyTest.asOperator(() -> {
            var org = organizations.find("northwind").orElseThrow();
            return projects.list(org.id()).stream().filter(p -> p.slug().equals("customer-portal-eu")).findFirst().orElseThrow();
        });
        assertThat(project.region()).isEqualTo("eu-central");
        assertThat(project.isolation()).isEqualTo(IsolationModel.SHARED);
        assertThat(LoginJourneyTest.asOperator(() -> residency.check(project.id())).compliant()).isTrue();
        assertThat(LoginJourneyTest.asOperator(() -> organizations.find("northwind").orElseThrow().planCode()))
                .as("nothing was applied").isNotEqualTo("enterprise");
    }

    @Test
    void securityAdminsHomeAndAuditFiltersFitA1440PixelScreenAndSupportGetsNoOnboardingButton() {
        Page page = browser.newPage();
        page.setViewportSize(1440, 900);
        Browser.signIn(page, TestPort.console(), "secadmin", "secadmin-demo-pass");
        page.waitForSelector("#home-view");
        Browser.vaadinIdle(page);
        assertThat(page.locator("#home-approvals").textContent()).contains("Waiting for your approval");
        Browser.screenshot(page, "home-security-admin");
        page.navigate(TestPort.console() + "/audit");
        page.waitForSelector("#audit-grid");
        Browser.vaadinIdle(page);
        var row = page.locator("#audit-filters").boundingBox();
        var apply = page.locator("#apply-filter").boundingBox();
        var actor = page.locator("#filter-actor").boundingBox();
        assertThat(apply.y).as("the filter row is one row").isLessThan(actor.y + actor.height);
        assertThat(apply.x + apply.width).as("and fits the window").isLessThanOrEqualTo(1440);
        assertThat(row.x + row.width).isLessThanOrEqualTo(1440);
        Browser.screenshot(page, "audit-1440");
        page.context().close();

        Page support = browser.newPage();
        support.setViewportSize(1440, 900);
        Browser.signIn(support, TestPort.console(), "support", "support-demo-pass");
        support.waitForSelector("#home-view");
        Browser.vaadinIdle(support);
        Browser.screenshot(support, "home-support");
        support.navigate(TestPort.console() + "/projects");
        support.waitForSelector("#projects-view");
        Browser.vaadinIdle(support);
        assertThat(support.locator("#new-tenant").count()).isZero();
        Browser.screenshot(support, "projects-support");
        support.context().close();
    }

    /** The wizard for organisation "northwind" (named {@code newOrgName} when it is new), the project named, data kept in the EU. */
    private static void openOnboardingInTheEu(Page page, String newOrgName, String project) {
        page.navigate(TestPort.console() + "/onboarding");
        page.waitForSelector("#onboarding-view");
        Browser.vaadinIdle(page);
        page.locator("#org input").fill("northwind");
        page.locator("#org input").press("Enter");
        Browser.vaadinIdle(page);
        if (newOrgName != null) {
            page.locator("#new-org-name input").fill(newOrgName);
        }
        page.locator("#project-name input").fill(project);
        page.locator("#project-name input").press("Tab");
        Browser.vaadinIdle(page);
        page.locator("#q-residency vaadin-radio-button", new Page.LocatorOptions().setHasText("In the EU")).click();
    }

    /** Every node's label box lies inside the chart and below its legend. */
    private static void assertGraphFits(Page page) {
        @SuppressWarnings("unchecked")
        var boxes = (java.util.List<java.util.Map<String, Object>>) page.evaluate("""
                () => { const svg = document.querySelector('#project-graph svg'); const r = svg.getBoundingClientRect();
                  return [...svg.querySelectorAll('text')].map(t => { const b = t.getBoundingClientRect();
                    return {text: t.textContent, left: b.left - r.left, right: b.right - r.left, top: b.top - r.top, width: r.width}; }); }""");
        double legendBottom = boxes.stream().filter(b -> ProjectGraphCategories.ALL.contains(b.get("text")))
                .mapToDouble(b -> ((Number) b.get("top")).doubleValue() + 14).max().orElse(0);
        boxes.stream().filter(b -> !ProjectGraphCategories.ALL.contains(b.get("text"))).forEach(b -> {
            assertThat(((Number) b.get("left")).doubleValue()).as("left of %s", b.get("text")).isGreaterThanOrEqualTo(0);
            assertThat(((Number) b.get("right")).doubleValue()).as("right of %s", b.get("text"))
                    .isLessThanOrEqualTo(((Number) b.get("width")).doubleValue());
            assertThat(((Number) b.get("top")).doubleValue()).as("top of %s (legend ends at %s)", b.get("text"), legendBottom)
                    .isGreaterThan(legendBottom);
        });
    }

    /** The legend's entries, as ProjectGraph names them. */
    private static final class ProjectGraphCategories {
        static final java.util.List<String> ALL = java.util.List.of("Project", "Organisation", "Region", "Access", "Storage", "Table", "Policy");
    }
}
