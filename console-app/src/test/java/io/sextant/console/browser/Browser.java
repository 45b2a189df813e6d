package io.sextant.console.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java (no browser download: the executable is given),
 * with the flags this machine needs. One browser per test class; a fresh context per journey.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage")));
    }

    Page newPage() {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 860));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.onRequestFailed(r -> System.err.println("Browser request failed: " + r.url() + " " + r.failure()));
        return page;
    }

    /** Waits until the Vaadin client has no request in flight. */
    static void vaadinIdle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients || {})"
                + ".every(c => !c.isActive || !c.isActive())");
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static void signIn(Page page, String consoleUrl, String username, String password) {
        page.navigate(consoleUrl + "/");
        page.waitForURL(url -> url.contains("/idp/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#sign-in");
        try {
            page.waitForURL(url -> url.startsWith(consoleUrl));
            page.waitForSelector("#home-view");
        } catch (com.microsoft.playwright.TimeoutError e) {
            screenshot(page, "sign-in-failed-" + username);
            throw new AssertionError("Sign-in of " + username + " did not reach the console; the browser is at "
                    + page.url() + " showing: " + page.textContent("body"), e);
        }
        vaadinIdle(page);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
