package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectInventory.PolicyInfo;
import io.sextant.platform.tenancy.ProjectInventory.TableInfo;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.TenantTable;
import io.sextant.platform.tenancy.TenantTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a project's tables, row-level security and policies from its region server's catalogs. Internal. */
@Component
public class InventoryReader {

    private final RegionServers regions;

    InventoryReader(RegionServers regions) {
        this.regions = regions;
    }

    public String storage(Project p) {
        return p.isolation() == IsolationModel.DEDICATED ? "database " + p.dbName() : "schema " + RegionDdl.SHARED_SCHEMA;
    }

    /** Every table of the project ({@link TenantTables}), with its row-level security, policies and the tenant's rows in it. */
    public List<TableInfo> tables(Project p) {
        boolean dedicated = p.isolation() == IsolationModel.DEDICATED;
        try (Connection c = dedicated ? regions.owner(p.region(), p.dbName()) : regions.owner(p.region())) {
            List<TableInfo> tables = new ArrayList<>();
            for (TenantTable t : TenantTables.tablesOf(c, p)) {
                tables.add(table(c, t, p, dedicated));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog of region " + p.region() + ": " + e.getMessage(), e);
        }
    }

    private static TableInfo table(Connection c, TenantTable t, Project p, boolean dedicated) throws SQLException {
        List<PolicyInfo> policies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select policyname, cmd, permissive = 'PERMISSIVE', coalesce(qual, with_check, '') from pg_policies "
                        + "where schemaname = ? and tablename = ? order by policyname")) {
            ps.setString(1, t.schema());
            ps.setString(2, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    policies.add(new PolicyInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        // a shared table without the tenant key holds no row that can be attributed to this tenant
        long rows = 0;
        if (dedicated || t.tenantKey()) {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from " + t.sql() + (dedicated ? "" : " where tenant_id = ?"))) {
                if (!dedicated) {
                    ps.setObject(1, p.id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                }
            }
        }
        String name = t.schema().equals(p.dataSchema()) ? t.name() : t.key();
        return new TableInfo(name, t.rlsEnabled(), t.rlsForced(), rows, policies);
    }
}
