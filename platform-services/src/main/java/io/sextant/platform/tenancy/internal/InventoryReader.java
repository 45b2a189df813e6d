package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectInventory.PolicyInfo;
import io.sextant.platform.tenancy.ProjectInventory.TableInfo;
import io.sextant.platform.tenancy.RegionServers;
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

    public List<TableInfo> tables(Project p) {
        boolean dedicated = p.isolation() == IsolationModel.DEDICATED;
        String schema = dedicated ? RegionDdl.DEDICATED_SCHEMA : RegionDdl.SHARED_SCHEMA;
        try (Connection c = dedicated ? regions.owner(p.region(), p.dbName()) : regions.owner(p.region())) {
            List<TableInfo> tables = new ArrayList<>();
            for (String table : RegionDdl.TABLES) {
                tables.add(table(c, schema, table, p, dedicated));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog of region " + p.region() + ": " + e.getMessage(), e);
        }
    }

    private static TableInfo table(Connection c, String schema, String table, Project p, boolean dedicated) throws SQLException {
        boolean enabled = false;
        boolean forced = false;
        try (PreparedStatement ps = c.prepareStatement(
                "select relrowsecurity, relforcerowsecurity from pg_class where oid = to_regclass(?)")) {
            ps.setString(1, schema + "." + table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    enabled = rs.getBoolean(1);
                    forced = rs.getBoolean(2);
                }
            }
        }
        List<PolicyInfo> policies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select policyname, cmd, permissive = 'PERMISSIVE', coalesce(qual, with_check, '') from pg_policies "
                        + "where schemaname = ? and tablename = ? order by policyname")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    policies.add(new PolicyInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        long rows;
        String count = "select count(*) from " + schema + "." + table + (dedicated ? "" : " where tenant_id = ?");
        try (PreparedStatement ps = c.prepareStatement(count)) {
            if (!dedicated) {
                ps.setObject(1, p.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        return new TableInfo(table, enabled, forced, rows, policies);
    }
}
