package io.sextant.console.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import io.sextant.console.ConsoleApplication;
import io.sextant.console.TestClockConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.sextant.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * The issue 10 measure: the home page rendered (server side, browserless: every card's service calls
 * and the component tree) on the empty platform database and, in the same run, after seeding 1,000
 * changes and 200 projects. Prints median and p95 of each and the ratio of the medians (goal ≤ 1.5).
 * Run by {@code bench/home/run.sh}; skipped in the test suite. No demo profile: the platform starts empty.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@ViewPackages(packages = "io.sextant.console.ui")
@EnabledIfSystemProperty(named = "sextant.bench.home", matches = "true")
class HomeViewBench extends SpringBrowserlessTest {

    static final int WARM_UP = 30;
    static final int RUNS = Integer.getInteger("sextant.bench.home.runs", 100);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "bench-everyone", roles = {"OPERATOR", "SECURITY_ADMIN", "SUPPORT", "COMPLIANCE"})
    void homeOnEmptyAndBusyPlatform() throws Exception {
        String empty = sizes();
        double[] before = time();
        Map<String, double[]> calls = new LinkedHashMap<>();
        callTimes().forEach((k, v) -> calls.put(k, new double[] {v, 0}));
        jdbc.execute(Files.readString(Path.of(System.getProperty("sextant.bench.home.seed", "../platform-services/src/test/resources/home/seed.sql")),
                StandardCharsets.UTF_8));
        // the runtime role may not ANALYZE: as on a running platform, where autovacuum does it, the planner sees the rows
        var server = EmbeddedPostgresServer.onPort(jdbc.queryForObject("select inet_server_port()", Integer.class)).orElseThrow();
        try (var c = server.superuserDataSource(jdbc.queryForObject("select current_database()", String.class)).getConnection();
                var st = c.createStatement()) {
            st.execute("analyze");
        }
        String busy = sizes();
        double[] after = time();
        callTimes().forEach((k, v) -> calls.get(k)[1] = v);
        List<String> out = new ArrayList<>(List.of(
                String.format("%-58s %10s %10s %10s", "home page render (browserless, all four roles' cards)", "min ms", "median ms", "p95 ms"),
                String.format("%-58s %10.2f %10.2f %10.2f", "empty: " + empty, before[2], before[0], before[1]),
                String.format("%-58s %10.2f %10.2f %10.2f", "busy:  " + busy, after[2], after[0], after[1]),
                String.format("ratio busy/empty: median %.2f (goal <= 1.5), min %.2f, p95 %.2f; %d runs each after %d warm-up; load average %s",
                        after[0] / before[0], after[2] / before[2], after[1] / before[1], RUNS, WARM_UP, loadAverage())));
        out.add(String.format("%-58s %10s %10s %8s", "each card's service calls (median ms)", "empty", "busy", "ratio"));
        calls.forEach((name, t) -> out.add(String.format("%-58s %10.2f %10.2f %8.2f", name, t[0], t[1], t[1] / t[0])));
        out.forEach(System.out::println);
        String file = System.getProperty("sextant.bench.home.out");
        if (file != null) {
            Files.write(Path.of(file), out, StandardCharsets.UTF_8);
        }
    }

    private double[] time() {
        for (int i = 0; i < WARM_UP; i++) {
            navigate("", HomeView.class);
        }
        double[] ms = new double[RUNS];
        List<Integer> cards = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            HomeView home = navigate("", HomeView.class);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cards.add((int) home.getChildren().count());
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[0]};
    }

    @Autowired
    HomeCards cards;
    @Autowired
    HomeAuditCard auditCard;

    private Map<String, Double> callTimes() {
        Map<String, Supplier<?>> calls = new LinkedHashMap<>();
        calls.put("waiting for your approval", cards::awaitingApproval);
        calls.put("failed or stuck changes", cards::failedOrStuck);
        calls.put("residency violations", cards::residencyViolations);
        calls.put("last audit verification", auditCard::create);
        calls.put("incidents and alerts", cards::alerts);
        calls.put("platform database", cards::database);
        Map<String, Double> medians = new LinkedHashMap<>();
        calls.forEach((name, call) -> {
            double[] ms = new double[RUNS];
            for (int i = 0; i < WARM_UP; i++) {
                call.get();
            }
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                call.get();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            medians.put(name, ms[RUNS / 2]);
        });
        return medians;
    }

    /** The machine's load while measuring: on a shared machine the figures are only as good as this. */
    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private String sizes() {
        return jdbc.queryForObject("select (select count(*) from ops.change_request) || ' changes, ' "
                + "|| (select count(*) from control_plane.project) || ' projects'", String.class);
    }
}
