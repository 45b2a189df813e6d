package io.sextant.platform.changes;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.spring.PlatformDatabaseEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Test targets: a dedicated database per test class on the embedded server, owned by the
 * platform's owner role, so checks and applies never alter the platform's own tables.
 */
@Component
public class TestTargets implements ChangeTargetProvider {

    private static final Map<String, ChangeTarget> TARGETS = new ConcurrentHashMap<>();

    /** Creates (fresh) database {@code name} with schema {@code app}, runs {@code setupSql} in it and registers it as target {@code name}. */
    public static DatabaseTarget create(String name, String setupSql) throws SQLException {
        EmbeddedPostgresServer server = PlatformDatabaseEnvironment.embeddedServer();
        String password = server.secrets().getOrCreate(DatabaseBootstrap.OWNER_ROLE);
        JdbcEndpoint admin = new JdbcEndpoint("127.0.0.1", server.port(), DatabaseBootstrap.DATABASE, DatabaseBootstrap.OWNER_ROLE, password);
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password()); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
            st.execute("create database " + name);
        }
        JdbcEndpoint ep = new JdbcEndpoint("127.0.0.1", server.port(), name, DatabaseBootstrap.OWNER_ROLE, password);
        try (Connection c = DriverManager.getConnection(ep.url(), ep.user(), ep.password()); Statement st = c.createStatement()) {
            st.execute("create schema app");
            st.execute("set search_path = app");
            st.execute(setupSql);
        }
        DatabaseTarget t = new DatabaseTarget(name, "test-database", "test " + name, ep, List.of("app"), List.of(), 0);
        TARGETS.put(name, t);
        return t;
    }

    public static Connection connect(ChangeTarget t) throws SQLException {
        JdbcEndpoint ep = t.endpoint();
        return DriverManager.getConnection(ep.url(), ep.user(), ep.password());
    }

    public static void exec(ChangeTarget t, String sql) throws SQLException {
        try (Connection c = connect(t); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public static SchemaSnapshot snapshot(ChangeTarget t) throws SQLException {
        try (Connection c = connect(t)) {
            return SchemaSnapshot.read(c, t.schemas());
        }
    }

    @Override
    public Optional<ChangeTarget> find(String targetId) {
        return Optional.ofNullable(TARGETS.get(targetId));
    }

    @Override
    public List<ChangeTarget> list() {
        return List.copyOf(TARGETS.values());
    }
}
