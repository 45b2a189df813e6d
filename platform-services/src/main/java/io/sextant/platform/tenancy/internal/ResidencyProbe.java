package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.ResidencyReport.Finding;
import io.sextant.platform.tenancy.TenantTable;
import io.sextant.platform.tenancy.TenantTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Asks one region server, as its owner, what it holds of a project. Internal. */
@Component
public class ResidencyProbe {

    private static final Logger log = LoggerFactory.getLogger(ResidencyProbe.class);

    private final RegionServers regions;

    ResidencyProbe(RegionServers regions) {
        this.regions = regions;
    }

    public Finding probe(String region, Project p) {
        try (Connection c = regions.owner(region)) {
            String sysid;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select system_identifier::text from pg_control_system()")) {
                rs.next();
                sysid = rs.getString(1);
            }
            boolean role = TenantObjects.exists(c, "select 1 from pg_roles where rolname = ?", p.dbRole());
            boolean db = p.dbName() != null && !p.dbName().equals(regions.platformDatabase(region))
                    && TenantObjects.exists(c, "select 1 from pg_database where datname = ?", p.dbName());
            boolean key = false;
            long rows = 0;
            if (TenantObjects.exists(c, "select 1 from pg_tables where schemaname = 'platform' and tablename = 'tenant_role'")) {
                key = TenantObjects.exists(c, "select 1 from platform.tenant_role where role_name = ? or tenant_id = ?", p.dbRole(), p.id());
                // every table of this server's shared schema that has the tenant key, whatever the board added
                for (TenantTable t : TenantTables.sharedTables(c)) {
                    if (!t.tenantKey()) {
                        continue;
                    }
                    try (PreparedStatement ps = c.prepareStatement("select count(*) from " + t.sql() + " where tenant_id = ?")) {
                        ps.setObject(1, p.id());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            rows += rs.getLong(1);
                        }
                    }
                }
            }
            return new Finding(region, sysid, role, db, key, rows, true);
        } catch (SQLException | RuntimeException e) {
            // the report only says "unreachable"; the reason (connection refused, a missing grant, a catalog error) goes here
            log.warn("Residency probe of project {} on region {} failed: {}", p.slug(), region, e.getMessage());
            return new Finding(region, "unknown", false, false, false, 0, false);
        }
    }
}
