package io.sextant.platform.tenancy.internal;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.TenantTable;
import io.sextant.platform.tenancy.TenantTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Logs in as the new tenant and proves what it can see: in the shared model its derived tenant key
 * is its own project id; in both models no row of another tenant is visible in any table it can
 * read, and it cannot create large objects (which no row security covers).
 */
@Component
class TenantVerifier {

    private final RegionServers regions;

    TenantVerifier(RegionServers regions) {
        this.regions = regions;
    }

    void verify(Project p, String password) {
        boolean shared = p.isolation() == IsolationModel.SHARED;
        String db = shared ? regions.platformDatabase(p.region()) : p.dbName();
        try (Connection c = regions.connectAs(p.region(), db, p.dbRole(), password); Statement st = c.createStatement()) {
            if (shared) {
                try (ResultSet rs = st.executeQuery("select platform.current_tenant_id()::text")) {
                    rs.next();
                    if (!p.id().toString().equals(rs.getString(1))) {
                        throw new IllegalStateException("Tenant " + p.dbRole() + " does not derive its own tenant key");
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select has_function_privilege('pg_catalog.lo_create(oid)', 'execute')"
                    + " or has_function_privilege('pg_catalog.lo_creat(integer)', 'execute')"
                    + " or has_function_privilege('pg_catalog.lo_from_bytea(oid, bytea)', 'execute')")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("Tenant " + p.dbRole() + " could store large objects outside row-level security in database "
                            + db + "; a superuser must run there (and in template1): " + DatabaseBootstrap.REVOKE_LARGE_OBJECTS + " (D007)");
                }
            }
            // every table the tenant can read, the kit's and any the board added: none shows another tenant's row
            for (TenantTable t : TenantTables.tablesOf(c, p)) {
                if (!t.tenantKey() || !readable(c, t)) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*) from " + t.sql() + " where tenant_id <> '" + p.id() + "'")) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IllegalStateException(shared ? "Tenant " + p.dbRole() + " sees rows of another tenant in " + t.key()
                                : "Dedicated database " + db + " holds rows of another tenant in " + t.key());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verification as " + p.dbRole() + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean readable(Connection c, TenantTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select has_table_privilege(?, 'select')")) {
            ps.setString(1, t.sql());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
