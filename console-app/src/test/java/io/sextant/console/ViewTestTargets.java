package io.sextant.console;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.spring.PlatformDatabaseEnvironment;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargetProvider;
import io.sextant.platform.changes.DatabaseTarget;
import io.sextant.platform.changes.JdbcEndpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Change targets for view tests: a real database per name on the console's embedded server, with
 * schema {@code app}, owned by the platform's owner role, so a test can show an empty target or a
 * known one without touching the platform's own tables.
 */
@Component
public class ViewTestTargets implements ChangeTargetProvider {

    private static final Map<String, ChangeTarget> TARGETS = new ConcurrentHashMap<>();
    private final Environment env;

    ViewTestTargets(Environment env) {
        this.env = env;
    }

    /** Creates (fresh) database {@code name} with schema {@code app}, runs {@code setupSql} there and registers it as a target. */
    public DatabaseTarget create(String name, String setupSql) throws SQLException {
        String dir = env.getProperty("sextant.embedded.effective-directory");
        EmbeddedPostgresServer server = dir == null ? PlatformDatabaseEnvironment.embeddedServer()
                : PlatformDatabaseEnvironment.embeddedServer(Path.of(dir));
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
        DatabaseTarget t = new DatabaseTarget(name, "test-database", "View test " + name, ep, List.of("app"), List.of(), 0);
        TARGETS.put(name, t);
        return t;
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
