package io.sextant.platform.changes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.database.ThrowawayClusters;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargetProvider;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.DatabaseTarget;
import io.sextant.platform.changes.JdbcEndpoint;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.changes.ShadowReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A configured shadow server instead of throwaway ones: used when it is a server of its own (a
 * database per shadow, dropped afterwards), refused when it is the target's server or any server
 * the console manages (by {@code system_identifier}), and a clear refusal when it cannot be reached.
 * Two throwaway servers play the target's server and the configured shadow server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredShadowServerTests {

    static final AuditLog NO_AUDIT = new AuditLog() {
        public long append(AuditEntry entry) {
            return 0;
        }

        public long appendRefusal(AuditEntry entry) {
            return 0;
        }
    };

    Path dir;
    ThrowawayClusters clusters;
    io.sextant.database.EmbeddedPostgresServer targetServer;
    ThrowawayClusters.Cluster shadowServer;
    DatabaseTarget target;
    ShadowServers servers;

    @BeforeAll
    void servers() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("sextant-configured-shadow");
        clusters = new ThrowawayClusters(dir.resolve("fixtures"), 0);
        // Its own initdb: clusters copied from one template share their system_identifier.
        targetServer = io.sextant.database.EmbeddedPostgresServer.start(dir.resolve("target"), 0);
        shadowServer = clusters.start(ThrowawayClusters.majors().getLast());
        try (Connection c = targetServer.superuserDataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute("create role app_owner login password 'owner-pw' createdb nosuperuser");
            st.execute("create database app_db owner app_owner");
            // As documented for a configured shadow server: the target's owner may read its server's identity.
            st.execute("grant execute on function pg_control_system() to app_owner");
        }
        target = new DatabaseTarget("configured-shadow", "test-database", "test", new JdbcEndpoint("127.0.0.1", targetServer.port(),
                "app_db", "app_owner", "owner-pw"), List.of("app"), List.of(), 0);
        try (Connection c = java.sql.DriverManager.getConnection(target.endpoint().url(), "app_owner", "owner-pw"); Statement st = c.createStatement()) {
            st.execute("create schema app; create table app.items (id int primary key, label text);"
                    + "insert into app.items select g, 'x' || g from generate_series(1, 500) g");
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("olga", "n/a",
                AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
    }

    @AfterEach
    void closeServers() {
        if (servers != null) {
            servers.destroy();
        }
    }

    @AfterAll
    void stop() {
        clusters.close();
        targetServer.close();
        SecurityContextHolder.clearContext();
    }

    ShadowReport check(String shadowUrl, List<JdbcEndpoint> managed) {
        servers = new ShadowServers(dir.resolve("shadows"), shadowUrl, "postgres", secret(shadowServer), 0, () -> managed);
        ChangeTargetProvider provider = new ChangeTargetProvider() {
            public Optional<ChangeTarget> find(String id) {
                return id.equals(target.targetId()) ? Optional.of(target) : Optional.empty();
            }

            public List<ChangeTarget> list() {
                return List.of(target);
            }
        };
        var applier = new ShadowApplierService(new ChangeTargets(List.of(provider), NO_AUDIT), new MigrationLinter(),
                new BoardGate(NO_AUDIT), servers);
        return applier.apply(target.targetId(), "alter table app.items add column note text",
                ShadowOptions.defaults().withCalibrationSizes(List.of()), ShadowProgressListener.NONE);
    }

    @Test
    void aServerOfItsOwnHoldsEachShadowInADatabaseThatIsDroppedAfterwards() throws Exception {
        ShadowReport r = check(shadowServer.jdbcUrl("postgres"), List.of(target.endpoint()));
        assertThat(r.failure()).isNull();
        assertThat(r.statements()).singleElement().satisfies(m -> assertThat(m.catalogChanges()).anyMatch(c -> c.contains("note")));
        try (Connection c = shadowServer.superuser("postgres").getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_database where datname like 'sextant_shadow_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("shadow databases left on the configured server").isZero();
        }
        assertThat(servers.running()).isZero();
    }

    @Test
    void theTargetsOwnServerIsRefusedAsShadowServer() {
        servers = new ShadowServers(dir.resolve("shadows"), targetServer.jdbcUrl("postgres"), "postgres",
                targetServer.superuserDataSource("postgres").getPassword(), 0, List::of);
        assertThatThrownBy(() -> servers.startFor(live()))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("shadow-is-target");
                    assertThat(e.getMessage()).contains("system_identifier");
                });
    }

    @Test
    void aServerTheConsoleManagesIsRefusedAsShadowServer() {
        JdbcEndpoint managed = new JdbcEndpoint("127.0.0.1", shadowServer.port(), "postgres", "postgres", secret(shadowServer));
        assertThatThrownBy(() -> check(shadowServer.jdbcUrl("postgres"), List.of(target.endpoint(), managed)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("shadow-is-managed"));
    }

    @Test
    void anUnreachableShadowServerIsAClearRefusal() {
        assertThatThrownBy(() -> check("jdbc:postgresql://127.0.0.1:1/postgres", List.of()))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("shadow-unavailable");
                    assertThat(e.getMessage()).contains("sextant.changes.shadow.url");
                });
    }

    private Connection live() throws java.sql.SQLException {
        return LiveSession.open(target.endpoint());
    }

    private static String secret(ThrowawayClusters.Cluster c) {
        return c.superuser("postgres").getPassword();
    }
}
