package io.sextant.platform.changes.bench;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargetProvider;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.DatabaseTarget;
import io.sextant.platform.changes.JdbcEndpoint;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowApplier;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * One check of the same change on a table of n rows (default 1,000,000): its wall time, and what
 * it cost the target's server — WAL bytes written and pg_stat_io reads/writes/extends there — the
 * first time (cold: no shadow template yet) and then warm. Written against the public API and
 * {@code BenchAccess} by reflection, so that bench/shadow/check-time.sh can run the very same
 * class on the code before shadows moved to a server of their own. See bench/README.md.
 */
public final class ShadowCheckBench {

    static final String CHANGE = "alter table app.accounts alter column balance type bigint";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String label = args.length > 2 ? args[2] : "this tree";
        Path home = Files.createTempDirectory("sextant-check-bench");
        Object[] servers = new Object[1];
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0)) {
            DatabaseBootstrap.bootstrap(server);
            String pw = server.secrets().getOrCreate(DatabaseBootstrap.OWNER_ROLE);
            JdbcEndpoint ep = new JdbcEndpoint("127.0.0.1", server.port(), "bench_check", DatabaseBootstrap.OWNER_ROLE, pw);
            try (Connection c = DriverManager.getConnection(ep.url(DatabaseBootstrap.DATABASE), ep.user(), pw); Statement st = c.createStatement()) {
                st.execute("create database bench_check");
            }
            try (Connection c = DriverManager.getConnection(ep.url(), ep.user(), pw); Statement st = c.createStatement()) {
                st.execute("create schema app");
                st.execute("create table app.accounts (id int primary key, owner text not null, balance int not null)");
                st.execute("insert into app.accounts select g, 'owner ' || g, g % 1000 from generate_series(1, " + n + ") g");
                st.execute("vacuum analyze app.accounts");
            }
            try (Connection su = server.superuserDataSource("postgres").getConnection(); Statement st = su.createStatement()) {
                st.execute("checkpoint");
            }
            DatabaseTarget target = new DatabaseTarget("bench-check", "bench", "bench", ep, List.of("app"), List.of(), 0);
            ChangeTargetProvider provider = new ChangeTargetProvider() {
                public Optional<ChangeTarget> find(String id) {
                    return id.equals(target.targetId()) ? Optional.of(target) : Optional.empty();
                }

                public List<ChangeTarget> list() {
                    return List.of(target);
                }
            };
            ShadowApplier shadow = applier(targets(provider), home.resolve("shadows"), servers);
            ShadowOptions options = ShadowOptions.defaults();
            System.out.printf("%s: %d rows, %s, row cap %d, calibration %s%n", label, n, CHANGE, options.rowCap(), options.calibrationSizes());
            System.out.printf("%-6s %-10s %-16s %-34s%n", "run", "check ms", "target WAL bytes", "target pg_stat_io reads/writes/extends");
            try (Connection su = server.superuserDataSource("postgres").getConnection()) {
                for (int i = 1; i <= runs; i++) {
                    long[] before = io(su);
                    long t0 = System.nanoTime();
                    var report = shadow.apply(target.targetId(), CHANGE, options, ShadowProgressListener.NONE);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    long[] after = io(su);
                    if (report.failure() != null) {
                        throw new IllegalStateException(report.failure().describe());
                    }
                    System.out.printf("%-6s %-10d %-16d %d / %d / %d%n", i == 1 ? "cold" : "warm", ms, after[0] - before[0],
                            after[1] - before[1], after[2] - before[2], after[3] - before[3]);
                }
                // The console prepares the template and starts servers ahead when it is ready: its first check
                // after a start, measured on fresh shadow servers prepared that way (where the tree can).
                Object[] fresh = new Object[1];
                ShadowApplier afterStart = applier(targets(provider), home.resolve("shadows-after-start"), fresh);
                Class<?> access = Class.forName("io.sextant.platform.changes.internal.BenchAccess");
                Method prepare = java.util.Arrays.stream(access.getMethods()).filter(m -> m.getName().equals("prepare")).findFirst().orElse(null);
                if (prepare != null) {
                    prepare.invoke(null, fresh[0]);
                    Thread.sleep(3_000); // a person opens the board some seconds after the console started, at the least
                    long[] before = io(su);
                    long t0 = System.nanoTime();
                    afterStart.apply(target.targetId(), CHANGE, options, ShadowProgressListener.NONE);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    long[] after = io(su);
                    System.out.printf("%-6s %-10d %-16d %d / %d / %d   (first check after a start: template made when the console was ready)%n",
                            "first", ms, after[0] - before[0], after[1] - before[1], after[2] - before[2], after[3] - before[3]);
                    fresh[0].getClass().getMethod("destroy").invoke(fresh[0]);
                }
            }
        } finally {
            if (servers[0] != null) {
                servers[0].getClass().getMethod("destroy").invoke(servers[0]);
            }
        }
    }

    /** WAL insert position and pg_stat_io totals of the target's server (client backends and background workers alike). */
    static long[] io(Connection su) throws Exception {
        try (Statement st = su.createStatement()) {
            st.execute("select pg_stat_force_next_flush()");
            try (ResultSet r = st.executeQuery("""
                    select pg_current_wal_insert_lsn() - '0/0'::pg_lsn,
                           coalesce(sum(reads), 0), coalesce(sum(writes), 0), coalesce(sum(extends), 0) from pg_stat_io""")) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
            }
        }
    }

    /** The targets of whichever tree this runs in (later trees audit refusals to list them). */
    static ChangeTargets targets(ChangeTargetProvider provider) throws Exception {
        for (var ctor : ChangeTargets.class.getConstructors()) {
            if (ctor.getParameterCount() == 1) {
                return (ChangeTargets) ctor.newInstance(List.of(provider));
            }
            if (ctor.getParameterCount() == 2) {
                Class<?> auditType = ctor.getParameterTypes()[1];
                Object noAudit = java.lang.reflect.Proxy.newProxyInstance(auditType.getClassLoader(), new Class<?>[] {auditType},
                        (proxy, method, a) -> method.getReturnType() == long.class ? 0L : null);
                return (ChangeTargets) ctor.newInstance(List.of(provider), noAudit);
            }
        }
        throw new IllegalStateException("no ChangeTargets constructor this bench knows");
    }

    /** The applier of whichever tree this runs in: with shadow servers of their own when the tree has them. */
    static ShadowApplier applier(ChangeTargets targets, Path shadowDir, Object[] servers) throws Exception {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("bench", "n/a",
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        Class<?> access = Class.forName("io.sextant.platform.changes.internal.BenchAccess");
        for (Method m : access.getMethods()) {
            if (m.getName().equals("shadowServers")) {
                servers[0] = m.invoke(null, shadowDir);
                Method make = access.getMethod("shadowApplier", ChangeTargets.class, MigrationLinter.class, servers[0].getClass());
                return (ShadowApplier) make.invoke(null, targets, new MigrationLinter(), servers[0]);
            }
        }
        return (ShadowApplier) access.getMethod("shadowApplier", ChangeTargets.class, MigrationLinter.class)
                .invoke(null, targets, new MigrationLinter());
    }
}
