package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.RegionServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Logs in as the new tenant and proves what it can see: in the shared model its derived tenant key
 * is its own project id and no row of another tenant is visible; in the dedicated model it
 * reaches its own database and tables.
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
                try (ResultSet rs = st.executeQuery("select platform.current_tenant_id()::text,"
                        + " (select count(*) from tenant_data.app_user where tenant_id <> platform.current_tenant_id())"
                        + " + (select count(*) from tenant_data.document where tenant_id <> platform.current_tenant_id())"
                        + " + (select count(*) from tenant_data.event_log where tenant_id <> platform.current_tenant_id())")) {
                    rs.next();
                    if (!p.id().toString().equals(rs.getString(1)) || rs.getLong(2) != 0) {
                        throw new IllegalStateException("Tenant " + p.dbRole() + " does not see exactly its own rows");
                    }
                }
            } else {
                try (ResultSet rs = st.executeQuery("select count(*) from app.app_user where tenant_id <> '" + p.id() + "'")) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IllegalStateException("Dedicated database " + db + " holds rows of another tenant");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verification as " + p.dbRole() + " failed: " + e.getMessage(), e);
        }
    }
}
