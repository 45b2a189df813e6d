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
 * The schema beside the editor in a real browser: look a table up, click it into the SQL at the
 * caret, have a typo in a table name caught at submit with the nearest name, and a syntax error
 * marked at its line. Nothing is submitted.
 */
@ConsoleTest
class SchemaPanelJourneyTest {

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
    void aTableLookedUpInThePanelGoesIntoTheEditorAndATypoIsCaughtAtSubmit() {
        Page page = browser.newPage();
        page.setViewportSize(1440, 900);
        Browser.signIn(page, TestPort.console(), "operator", "operator-demo-pass");
        page.navigate(TestPort.console() + "/changes");
        page.waitForSelector("#changes-view");
        Browser.vaadinIdle(page);
        page.click("#submit-change");
        page.click("#change-target");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Shared tenant tables in eu-central")).first().click();
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#schema-search-path")).startsWith("Runs with search_path = tenant_data, platform");
        Browser.screenshot(page, "schema-panel");

        page.locator("#schema-filter input").fill("document");
        page.waitForFunction("() => document.querySelector('#schema-summary').textContent.includes('match')");
        Browser.vaadinIdle(page);
        page.locator("#change-forward textarea").fill("alter table  add column note text;");
        page.locator("#change-forward textarea").evaluate("ta => { ta.focus(); ta.setSelectionRange(12, 12); }");
        page.locator("#schema-grid").getByText("tenant_data.document").first().click();
        Browser.vaadinIdle(page);
        assertThat(page.locator("#change-forward textarea").inputValue()).isEqualTo("alter table tenant_data.document add column note text;");

        page.locator("#change-forward textarea").fill("alter table tenant_data.documnet add column note text;");
        page.click("#change-submit");
        page.waitForSelector("#change-draft-findings p");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#change-draft-findings")).contains("Did you mean tenant_data.document?");
        assertThat(page.textContent("#change-submit")).contains("Submit anyway");
        Browser.screenshot(page, "schema-unknown-table");

        page.locator("#change-forward textarea").fill("alter table tenant_data.document add column note text;\nalter tabel tenant_data.document drop column note;");
        page.click("#change-submit");
        page.waitForSelector("#change-forward[invalid]");
        Browser.vaadinIdle(page);
        assertThat(page.textContent("#change-forward")).contains("Line 2, column 7: syntax error at or near \"tabel\"");
        Browser.screenshot(page, "schema-syntax-error");
        page.context().close();
    }
}
