package io.sextant.platform.changes.internal;

import io.sextant.database.ThrowawayClusters;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One shadow's server, held for one shadow build: a throwaway cluster of its own (the default,
 * stopped and deleted on close) or a database made for it on a configured shadow server (dropped
 * on close). See {@link ShadowServers} and D008.
 */
interface ShadowServer extends AutoCloseable {

    int major();

    /** The database the shadow lives in. */
    String database();

    String jdbcUrl();

    /** A connection as the shadow server's administrator, to {@code database} (build, roles, reading results). */
    Connection admin(String database) throws SQLException;

    /** Creates a role, or on a shared server brings an existing one of that name to the given attributes. */
    void ensureRole(Statement admin, String name, String attributes) throws SQLException;

    @Override
    void close();

    /** A throwaway cluster: everything in it, roles included, goes when it closes. */
    record Throwaway(ThrowawayClusters.Cluster cluster) implements ShadowServer {
        public int major() {
            return cluster.major();
        }

        public String database() {
            return ShadowDatabase.DATABASE;
        }

        public String jdbcUrl() {
            return cluster.jdbcUrl(database());
        }

        public Connection admin(String db) throws SQLException {
            return cluster.superuser(db).getConnection();
        }

        public void ensureRole(Statement admin, String name, String attributes) throws SQLException {
            admin.execute("create role " + Sql.ident(name) + " " + attributes);
        }

        public void close() {
            cluster.close();
        }
    }

    /** A configured server shared by checks: each shadow gets a database of its own; roles persist there (D008). */
    record Configured(String url, String user, String password, int major, String database) implements ShadowServer {
        public String jdbcUrl() {
            return urlOf(database);
        }

        public Connection admin(String db) throws SQLException {
            return DriverManager.getConnection(urlOf(db), user, password);
        }

        /** The configured URL with another database (its query parameters kept). */
        private String urlOf(String db) {
            return url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + db);
        }

        public void ensureRole(Statement admin, String name, String attributes) throws SQLException {
            if (name.equals(user)) {
                throw new SQLException("the target's owner role has the name of the configured shadow server's administrator ("
                        + user + "): use another administrator there");
            }
            try (var r = admin.executeQuery("select 1 from pg_roles where rolname = " + Sql.literal(name))) {
                if (r.next()) {
                    admin.execute("alter role " + Sql.ident(name) + " " + attributes);
                    return;
                }
            }
            admin.execute("create role " + Sql.ident(name) + " " + attributes);
        }

        public void close() {
            try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + Sql.ident(database) + " with (force)");
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(ShadowServer.class).warn("Could not drop shadow database {} on the configured shadow server: {}",
                        database, e.getMessage());
            }
        }
    }
}
