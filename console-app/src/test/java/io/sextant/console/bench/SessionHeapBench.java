package io.sextant.console.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Signs N operators in to a running console through the real OIDC flow in Chromium, each ending
 * on the home page (a servlet session, a Vaadin session and a UI on the server), then leaves
 * their tabs open (heartbeats keep every UI alive). {@code bench/session-heap.sh} runs the console jar, measures its heap
 * after full GCs before and after this, and prints the retained heap per session.
 *
 * <p>Arguments: console URL, N.
 */
public final class SessionHeapBench {

    public static void main(String[] args) {
        String console = args[0];
        int n = Integer.parseInt(args[1]);
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                                "--disable-dev-shm-usage")))) {
            List<BrowserContext> open = new java.util.ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                BrowserContext context = browser.newContext();
                Page page = context.newPage();
                page.navigate(console + "/");
                page.waitForURL(u -> u.contains("/idp/login"));
                page.fill("#username", "operator");
                page.fill("#password", "operator-demo-pass");
                page.click("#sign-in");
                page.waitForSelector("#home-view");
                // The tab stays open (its heartbeats keep the UI alive) until the heap has been measured.
                open.add(context);
            }
            System.out.printf("signed in %d operators at %.1f per second%n", n, n / ((System.nanoTime() - t0) / 1e9));
            System.out.println("READY");
            new java.util.Scanner(System.in).nextLine(); // the script measures, then lets us go
            open.forEach(BrowserContext::close);
        }
    }
}
