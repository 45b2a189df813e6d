package io.sextant.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Creates, on the embedded server, the platform database and its two login roles: the owner
 * ({@code NOSUPERUSER}, may create databases and roles for provisioning) and the runtime role
 * ({@code NOSUPERUSER NOBYPASSRLS}, owns nothing). Passwords are generated once and set with a
 * client-side SCRAM hash, so no clear-text password ever reaches the server or its logs.
 * Idempotent: every start runs it and it converges.
 */
public final class DatabaseBootstrap {

    public static final String DATABASE = "sextant";
    public static final String OWNER_ROLE = "sextant_owner";
    public static final String APP_ROLE = "sextant_app";

    private DatabaseBootstrap() {
    }

    public static DatabaseCredentials bootstrap(EmbeddedPostgresServer server) {
        SecretStore secrets = server.secrets();
        String ownerPassword = secrets.getOrCreate(OWNER_ROLE);
        String appPassword = secrets.getOrCreate(APP_ROLE);
        try (Connection c = server.superuserDataSource("postgres").getConnection()) {
            ensureRole(c, OWNER_ROLE, "login nosuperuser createdb createrole nobypassrls");
            ensureRole(c, APP_ROLE, "login nosuperuser nocreatedb nocreaterole nobypassrls");
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.alterUserPassword(OWNER_ROLE, ownerPassword.toCharArray(), null);
            pg.alterUserPassword(APP_ROLE, appPassword.toCharArray(), null);
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                try (Statement st = c.createStatement()) {
                    st.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("revoke all on database " + DATABASE + " from public");
                st.execute("grant connect on database " + DATABASE + " to " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded platform database: " + e.getMessage(), e);
        }
        // The owner must be able to grant to the runtime role and to create tenant roles.
        try (Connection c = server.superuserDataSource(DATABASE).getConnection(); Statement st = c.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("create extension if not exists pgcrypto");
            st.execute("grant pg_read_all_stats to " + OWNER_ROLE);
            st.execute("grant " + APP_ROLE + " to " + OWNER_ROLE + " with admin option");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded platform database: " + e.getMessage(), e);
        }
        return new DatabaseCredentials(server.jdbcUrl(DATABASE), OWNER_ROLE, ownerPassword, APP_ROLE, appPassword);
    }

    /**
     * Bootstraps a region server: the same roles and database as {@link #bootstrap}, plus what
     * tenant provisioning needs from the owner on that server and that only a superuser can give:
     * reading the server's own {@code system_identifier} (residency proof) and terminating a
     * suspended tenant's sessions. An external region's DBA grants the same two (see D007).
     */
    public static DatabaseCredentials bootstrapRegion(EmbeddedPostgresServer server) {
        DatabaseCredentials credentials = bootstrap(server);
        List<String> databases = new ArrayList<>();
        try (Connection c = server.superuserDataSource(DATABASE).getConnection(); Statement st = c.createStatement()) {
            st.execute("grant execute on function pg_control_system() to " + OWNER_ROLE);
            st.execute("grant pg_signal_backend to " + OWNER_ROLE);
            try (ResultSet rs = st.executeQuery("select datname from pg_database where datallowconn order by datname")) {
                while (rs.next()) {
                    databases.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded region database: " + e.getMessage(), e);
        }
        // In every database, template1 included (new dedicated databases are copies of it), and on every
        // start (so databases of existing tenants get it too): see REVOKE_LARGE_OBJECTS.
        for (String database : databases) {
            try (Connection c = server.superuserDataSource(database).getConnection(); Statement st = c.createStatement()) {
                st.execute(REVOKE_LARGE_OBJECTS);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot revoke large objects in region database " + database + ": " + e.getMessage(), e);
            }
        }
        return credentials;
    }

    /**
     * Large objects live in {@code pg_largeobject}, outside row-level security: a tenant that can
     * create them stores data that is neither isolated by the tenant key, nor exported, metered or
     * erased with the tenant (and its role could no longer be dropped). Creating one needs these
     * functions, which PostgreSQL grants to PUBLIC and only their owner (a superuser) can revoke.
     * An external region's DBA runs the same statement in every database (D007).
     */
    public static final String REVOKE_LARGE_OBJECTS = "revoke execute on function pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),"
            + " pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid) from public";

    private static void ensureRole(Connection c, String role, String options) throws SQLException {
        if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
            try (Statement st = c.createStatement()) {
                st.execute("create role " + role + " " + options);
            }
        } else {
            try (Statement st = c.createStatement()) {
                st.execute("alter role " + role + " " + options);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
