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
 * The risk journey on the demo data: an operator opens the demo tenant's risk scores (the chart and
 * the recorded stream), scores a risky request and reads why, then checks a model text with a
 * mistake and sees its line and column. Screenshots under target/screenshots/risk-*.
 */
@ConsoleTest
class RiskJourneyTest {

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
    void operatorScoresARequestReadsWhyAndSeesAModelErrorWhereItIs() {
        Page page = browser.newPage();
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        page.click("#side-nav >> text=Risk scores");
        page.waitForSelector("#risk-scores-view");
        Browser.vaadinIdle(page);
        page.click("#risk-project");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("nimbus-crm/crm-eu")).first().click();
        page.waitForSelector("#risk-recent");
        Browser.vaadinIdle(page);
        page.waitForTimeout(800); // the chart animates in
        Browser.screenshot(page, "risk-1-scores");

        page.fill("#risk-principal input", "user-3");
        page.fill("#risk-amount input", "25000");
        page.fill("#risk-device input", "laptop-unknown");
        page.fill("#risk-address input", "198.51.100.77");
        page.fill("#risk-latitude input", "40.7128");
        page.fill("#risk-longitude input", "-74.006");
        page.click("#risk-score-run");
        page.waitForSelector("#risk-score-result-why");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#risk-score-result-summary")).contains("(threshold 60)");
        assertThat(page.textContent("#risk-score-result-why")).contains("a device not seen before for this principal");
        page.locator("#risk-score-result").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "risk-2-why-risky");

        page.click("#tab-risk-model");
        page.waitForSelector("#risk-model-editor");
        page.fill("#risk-model-editor textarea", "threshold 60;\nfeature amount weight 20 when value = 1000;\n");
        page.click("#risk-model-check");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#risk-model-check-result")).startsWith("Line 2, column 37: use `==` to compare");
        Browser.screenshot(page, "risk-3-model-error");
        page.context().close();
    }
}
