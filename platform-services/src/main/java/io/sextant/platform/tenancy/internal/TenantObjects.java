package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.TenantTable;
import io.sextant.platform.tenancy.TenantTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * A tenant's objects on its region server, each operation idempotent (it checks what exists
 * first) so that a provisioning run can be repeated from any step. Runs as the region's owner.
 */
@Component
class TenantObjects {

    private final RegionServers regions;

    TenantObjects(RegionServers regions) {
        this.regions = regions;
    }

    void ensureRole(String region, String role) {
        RegionDdl.ident(role);
        try (Connection c = regions.owner(region)) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                exec(c, "create role " + role + " login nosuperuser nobypassrls nocreatedb nocreaterole noreplication connection limit 20");
            }
        } catch (SQLException e) {
            throw failed("create role " + role, region, e);
        }
    }

    /** Sets the password with a client-side SCRAM hash: the clear text never reaches the server or its logs. */
    void setPassword(String region, String role, String password) {
        try (Connection c = regions.owner(region)) {
            c.unwrap(PGConnection.class).alterUserPassword(RegionDdl.ident(role), password.toCharArray(), null);
        } catch (SQLException e) {
            throw failed("set the password of " + role, region, e);
        }
    }

    void ensureSharedKit(String region) {
        try (Connection c = regions.owner(region)) {
            c.setAutoCommit(false);
            exec(c, "select pg_advisory_xact_lock(hashtext('sextant.shared-kit'))");
            if (!exists(c, "select 1 from pg_tables where schemaname = 'platform' and tablename = 'kit_version'")
                    || !exists(c, "select 1 from platform.kit_version where version = " + RegionDdl.SHARED_KIT_VERSION)) {
                for (String sql : RegionDdl.sharedKit(currentUser(c), regions.platformDatabase(region))) {
                    exec(c, sql);
                }
            } else {
                exec(c, RegionDdl.STATISTICS_OFF);
            }
            c.commit();
        } catch (SQLException e) {
            throw failed("install the shared schema", region, e);
        }
    }

    void mapSharedTenant(String region, String role, UUID tenantId, PolicyPack pack) {
        try (Connection c = regions.owner(region)) {
            // set false: the tenant can use tenant_base's grants but can never become tenant_base.
            exec(c, "grant tenant_base to " + RegionDdl.ident(role) + " with inherit true, set false");
            try (PreparedStatement ps = c.prepareStatement("insert into platform.tenant_role (role_name, tenant_id, rules) values (?, ?, ?)"
                    + " on conflict (role_name) do update set rules = excluded.rules")) {
                ps.setString(1, role);
                ps.setObject(2, tenantId);
                ps.setArray(3, c.createArrayOf("text", PolicyPacks.sharedRuleCodes(pack)));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed("register the tenant key of " + role, region, e);
        }
    }

    /** CREATE DATABASE cannot run in a transaction block: this is its own autocommit statement. */
    void ensureDedicatedDatabase(String region, String database, String role) {
        try (Connection c = regions.owner(region)) {
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                exec(c, "create database " + RegionDdl.ident(database));
            }
            exec(c, "revoke all on database " + database + " from public");
            exec(c, "grant connect on database " + database + " to " + RegionDdl.ident(role));
        } catch (SQLException e) {
            throw failed("create database " + database, region, e);
        }
    }

    void installDedicatedKit(String region, String database, String role, UUID tenantId) {
        try (Connection c = regions.owner(region, database)) {
            c.setAutoCommit(false);
            for (String sql : RegionDdl.dedicatedKit(currentUser(c), role, tenantId)) {
                exec(c, sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw failed("install the starter kit in " + database, region, e);
        }
    }

    void applyPolicyPack(String region, IsolationModel isolation, String role, String database, PolicyPack pack) {
        if (isolation == IsolationModel.SHARED) {
            try (Connection c = regions.owner(region); PreparedStatement ps =
                    c.prepareStatement("update platform.tenant_role set rules = ? where role_name = ?")) {
                ps.setArray(1, c.createArrayOf("text", PolicyPacks.sharedRuleCodes(pack)));
                ps.setString(2, role);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw failed("apply policy pack " + pack.code(), region, e);
            }
            return;
        }
        try (Connection c = regions.owner(region, database)) {
            c.setAutoCommit(false);
            for (String sql : PolicyPacks.dedicatedRulePolicies(role, pack)) {
                exec(c, sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw failed("apply policy pack " + pack.code(), region, e);
        }
    }

    /** Suspension: no new logins, and the sessions it has are ended. */
    void setLogin(String region, String role, boolean allowed) {
        try (Connection c = regions.owner(region)) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                return;
            }
            exec(c, "alter role " + RegionDdl.ident(role) + (allowed ? " login" : " nologin"));
            if (!allowed) {
                exec(c, "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + role + "'");
            }
        } catch (SQLException e) {
            throw failed("change the login of " + role, region, e);
        }
    }

    void setReadOnly(String region, IsolationModel isolation, String role, String database, boolean readOnly) {
        try {
            if (isolation == IsolationModel.SHARED) {
                try (Connection c = regions.owner(region); PreparedStatement ps =
                        c.prepareStatement("update platform.tenant_role set read_only = ? where role_name = ?")) {
                    ps.setBoolean(1, readOnly);
                    ps.setString(2, role);
                    ps.executeUpdate();
                }
            } else {
                try (Connection c = regions.owner(region, database)) {
                    exec(c, (readOnly ? "revoke" : "grant") + " insert, update on all tables in schema "
                            + RegionDdl.DEDICATED_SCHEMA + (readOnly ? " from " : " to ") + RegionDdl.ident(role));
                }
            }
        } catch (SQLException e) {
            throw failed("change the write access of " + role, region, e);
        }
    }

    /** Removes everything of the tenant from the region server; a no-op for what is already gone. */
    void drop(String region, IsolationModel isolation, String role, String database, UUID tenantId) {
        try (Connection c = regions.owner(region)) {
            if (isolation == IsolationModel.DEDICATED) {
                if (exists(c, "select 1 from pg_database where datname = ?", database)) {
                    exec(c, "drop database " + RegionDdl.ident(database) + " with (force)");
                }
            } else if (exists(c, "select 1 from pg_tables where schemaname = 'platform' and tablename = 'tenant_role'")) {
                c.setAutoCommit(false);
                // tables in a reference cycle can only be emptied with their constraints checked at commit
                exec(c, "set constraints all deferred");
                // every table with the tenant key as it is now (board-added ones too), children before the tables they reference
                for (TenantTable t : TenantTables.deleteOrder(TenantTables.sharedTables(c))) {
                    if (!t.tenantKey()) {
                        continue;
                    }
                    if (!t.ownerReadsAll()) {
                        throw new SQLException("table " + t.key() + " hides rows from the owner role; its rows cannot be erased");
                    }
                    try (PreparedStatement ps = c.prepareStatement("delete from " + t.sql() + " where tenant_id = ?")) {
                        ps.setObject(1, tenantId);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("delete from platform.tenant_role where role_name = ?")) {
                    ps.setString(1, role);
                    ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            if (exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                exec(c, "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + RegionDdl.ident(role) + "'");
                exec(c, "drop role " + role);
            }
        } catch (SQLException e) {
            throw failed("drop the objects of " + role, region, e);
        }
    }

    static String currentUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static IllegalStateException failed(String what, String region, SQLException e) {
        return new IllegalStateException("Could not " + what + " in region " + region + ": " + e.getMessage(), e);
    }
}
