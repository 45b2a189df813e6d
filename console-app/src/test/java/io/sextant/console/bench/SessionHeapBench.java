package io.sextant.console.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sextant.console.ConsoleApplication;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Retained heap per signed-in operator session. Starts the console in this JVM (demo profile,
 * throwaway embedded database), measures the heap after full GCs, signs in N operators through
 * the real OIDC flow in Chromium (each one a servlet session, a Vaadin session and a UI on the
 * home page), measures again, and prints (after - before) / N.
 *
 * <p>Run: {@code bench/session-heap.sh [N]} (default 120).
 */
public final class SessionHeapBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ConsoleApplication.class)
                .profiles("demo")
                .properties(Map.of("server.port", port, "sextant.embedded.directory", "ephemeral", "sextant.embedded.port", 0,
                        "sextant.identity.setup-code-file", "target/bench-setup-code",
                        "sextant.audit.checkpoint-file", "target/bench-checkpoints.jsonl",
                        "logging.level.root", "WARN"))
                .run();
        String console = "http://localhost:" + port;
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                                "--disable-dev-shm-usage")))) {
            signIn(browser, console); // warm-up: class loading, caches, first UI
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                signIn(browser, console);
            }
            double loginSeconds = (System.nanoTime() - t0) / 1e9;
            long after = usedAfterGc();
            long perSession = (after - before) / n;
            System.out.printf("%nsessions=%d  heap before=%.1f MiB  after=%.1f MiB  retained per session=%.1f KiB  (goal <= 200 KB)"
                    + "  sign-in rate=%.1f/s%n", n, before / 1048576.0, after / 1048576.0, perSession / 1024.0, n / loginSeconds);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void signIn(Browser browser, String console) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.navigate(console + "/");
        page.waitForURL(u -> u.contains("/idp/login"));
        page.fill("#username", "operator");
        page.fill("#password", "operator-demo-pass");
        page.click("#sign-in");
        page.waitForSelector("#home-view");
        // The browser goes away; the servlet session, Vaadin session and UI stay on the server
        // (heartbeat timeout is minutes), which is what an idle operator costs.
        context.close();
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
