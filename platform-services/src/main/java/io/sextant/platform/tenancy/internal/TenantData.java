package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.RegionServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/** Reads a tenant's rows on its region server as the owner: export and usage. Internal. */
@Component
class TenantData {

    record Usage(long rows, long storageBytes) {
    }

    private final RegionServers regions;

    TenantData(RegionServers regions) {
        this.regions = regions;
    }

    private Connection connect(Project p) {
        return p.isolation() == IsolationModel.SHARED ? regions.owner(p.region()) : regions.owner(p.region(), p.dbName());
    }

    private String scope(Project p) {
        return p.isolation() == IsolationModel.SHARED ? RegionDdl.SHARED_SCHEMA : RegionDdl.DEDICATED_SCHEMA;
    }

    /** The tenant's rows as one JSON document (table → array of rows), gzip-compressed. */
    byte[] export(Project p) {
        StringBuilder json = new StringBuilder("{");
        try (Connection c = connect(p)) {
            for (String table : RegionDdl.TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select coalesce(json_agg(t order by t.created_at), '[]')::text from "
                        + scope(p) + "." + table + " t where t.tenant_id = ?")) {
                    ps.setObject(1, p.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        json.append(json.length() > 1 ? "," : "").append('"').append(table).append("\":").append(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot export project " + p.slug() + ": " + e.getMessage(), e);
        }
        json.append('}');
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    Usage usage(Project p) {
        long rows = 0;
        long bytes = 0;
        try (Connection c = connect(p)) {
            for (String table : RegionDdl.TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(sum(pg_column_size(t.*)), 0) from "
                        + scope(p) + "." + table + " t where t.tenant_id = ?")) {
                    ps.setObject(1, p.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                        bytes += rs.getLong(2);
                    }
                }
            }
            if (p.isolation() == IsolationModel.DEDICATED) {
                try (PreparedStatement ps = c.prepareStatement("select pg_database_size(current_database())"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bytes = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot measure project " + p.slug() + ": " + e.getMessage(), e);
        }
        return new Usage(rows, bytes);
    }
}
