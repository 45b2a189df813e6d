package io.sextant.platform.changes.bench;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.platform.changes.ChangeTargetProvider;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.DatabaseTarget;
import io.sextant.platform.changes.JdbcEndpoint;
import io.sextant.platform.changes.LockProjection;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowApplier;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.changes.ShadowReport;
import io.sextant.platform.changes.StatementMeasurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Shadow apply of {@code alter column … type bigint} at several live table sizes: the lock time
 * projected from small calibration shadows against the lock time measured on a full-size shadow.
 * Usage: ShadowBench [sizes…] (default 100000 300000 1000000). See bench/README.md.
 */
public final class ShadowBench {

    /** The bench lists no targets (it looks its one target up), so nothing is ever refused or recorded. */
    private static final io.sextant.platform.audit.AuditLog NO_AUDIT = new io.sextant.platform.audit.AuditLog() {
        @Override
        public long append(io.sextant.platform.audit.AuditEntry entry) {
            return 0;
        }

        @Override
        public long appendRefusal(io.sextant.platform.audit.AuditEntry entry) {
            return 0;
        }
    };

    static final String CHANGE = "alter table app.accounts alter column balance type bigint";
    static final List<Integer> CALIBRATION = List.of(1_000, 5_000, 20_000, 50_000, 100_000);

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100_000, 300_000, 1_000_000) : List.of(args).stream().map(Integer::parseInt).toList();
        Path home = Files.createTempDirectory("sextant-shadow-bench");
        var servers = io.sextant.platform.changes.internal.BenchAccess.shadowServers(home.resolve("shadows"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0)) {
            DatabaseBootstrap.bootstrap(server);
            String pw = server.secrets().getOrCreate(DatabaseBootstrap.OWNER_ROLE);
            System.out.printf("%-10s %-12s %-22s %-14s %-10s %s%n", "rows", "measured ms", "projected ms (±95%)", "abs error ms", "error %", "calibration points (rows:ms)");
            for (int n : sizes) {
                JdbcEndpoint ep = new JdbcEndpoint("127.0.0.1", server.port(), "bench_" + n, DatabaseBootstrap.OWNER_ROLE, pw);
                try (Connection c = DriverManager.getConnection(ep.url(DatabaseBootstrap.DATABASE), ep.user(), pw); Statement st = c.createStatement()) {
                    st.execute("create database bench_" + n);
                }
                try (Connection c = DriverManager.getConnection(ep.url(), ep.user(), pw); Statement st = c.createStatement()) {
                    st.execute("create schema app");
                    st.execute("create table app.accounts (id int primary key, owner text not null, balance int not null)");
                    st.execute("insert into app.accounts select g, 'owner ' || g, g % 1000 from generate_series(1, " + n + ") g");
                    st.execute("vacuum analyze app.accounts");
                }
                DatabaseTarget target = new DatabaseTarget("bench-" + n, "bench", "bench", ep, List.of("app"), List.of(), 0);
                ChangeTargetProvider provider = new ChangeTargetProvider() {
                    public Optional<io.sextant.platform.changes.ChangeTarget> find(String id) {
                        return id.equals(target.targetId()) ? Optional.of(target) : Optional.empty();
                    }

                    public List<io.sextant.platform.changes.ChangeTarget> list() {
                        return List.of(target);
                    }
                };
                ShadowApplier shadow = ShadowApplierFactory.create(new ChangeTargets(List.of(provider), NO_AUDIT), new MigrationLinter(), servers);
                ShadowReport projected = shadow.apply(target.targetId(), CHANGE,
                        new ShadowOptions(10_000, CALIBRATION, Duration.ofMinutes(30), true), ShadowProgressListener.NONE);
                ShadowReport full = shadow.apply(target.targetId(), CHANGE,
                        new ShadowOptions(n, List.of(), Duration.ofMinutes(30), false), ShadowProgressListener.NONE);
                LockProjection p = projected.statements().getFirst().projection();
                StatementMeasurement m = full.statements().getFirst();
                double err = p.projectedMillis() - m.durationMillis();
                System.out.printf("%-10d %-12.0f %-22s %-14.0f %-10.1f %s%n", n, m.durationMillis(),
                        String.format("%.0f ± %.0f", p.projectedMillis(), p.errorMillis()), err, 100 * err / m.durationMillis(),
                        p.points().stream().map(x -> x.rows() + ":" + Math.round(x.millis())).toList());
                System.out.printf("           full-size shadow: locks %s, rewritten %s; measured within the ±95%% band: %s%n",
                        m.strongestLock(), m.rewritten(), Math.abs(err) <= p.errorMillis());
            }
        } finally {
            servers.destroy();
        }
    }
}
