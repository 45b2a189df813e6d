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
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        page.navigate(TestPort.console() + "/onboarding");
        page.waitForSelector("#onboarding-view");
        Browser.vaadinIdle(page);

        page.locator("#org input").fill("northwind");
        page.locator("#org input").press("Enter");
        Browser.vaadinIdle(page);
        page.locator("#new-org-name input").fill("Northwind Traders");
        page.locator("#project-name input").fill("Customer Portal EU");
        page.locator("#project-name input").press("Tab");
        Browser.vaadinIdle(page);
        // B2B SaaS, business customers and personal data are the defaults; the data must stay in the EU.
        page.locator("#q-residency vaadin-radio-button", new Page.LocatorOptions().setHasText("In the EU")).click();
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
        page.context().close();

        var project = LoginJourneyTest.asOperator(() -> {
            var org = organizations.find("northwind").orElseThrow();
            return projects.list(org.id()).stream().filter(p -> p.slug().equals("customer-portal-eu")).findFirst().orElseThrow();
        });
        assertThat(project.region()).isEqualTo("eu-central");
        assertThat(project.isolation()).isEqualTo(IsolationModel.SHARED);
        assertThat(LoginJourneyTest.asOperator(() -> residency.check(project.id())).compliant()).isTrue();
    }
}
