package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.TenantTable;
import io.sextant.platform.tenancy.TenantTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's rows on its region server as the owner: export and usage, over every table
 * {@link TenantTables} finds (not a fixed list). In the shared model only tables with the tenant
 * key are read, filtered by it; in the dedicated model every row of every table is the tenant's.
 */
@Component
class TenantData {

    record Usage(long rows, long storageBytes) {
    }

    /** @param unattributed shared tables without the tenant key, whose rows cannot be told apart by tenant */
    record Export(byte[] content, List<String> tables, List<String> unattributed) {
    }

    private final RegionServers regions;

    TenantData(RegionServers regions) {
        this.regions = regions;
    }

    private Connection connect(Project p) {
        return p.isolation() == IsolationModel.SHARED ? regions.owner(p.region()) : regions.owner(p.region(), p.dbName());
    }

    /** Whether the table's rows can be read per tenant; throws rather than let the owner miss rows silently. */
    static boolean attributable(Project p, TenantTable t) {
        boolean mine = p.isolation() == IsolationModel.DEDICATED || t.tenantKey();
        if (mine && !t.ownerReadsAll()) {
            throw new IllegalStateException("Table " + t.key() + " of project " + p.slug() + " hides rows from the platform's owner role"
                    + " (forced row-level security without a permissive 'using (true)' policy for it); give it the platform_owner policy");
        }
        return mine;
    }

    private static String rowsOf(Project p, TenantTable t) {
        return t.sql() + " t" + (p.isolation() == IsolationModel.SHARED ? " where t.tenant_id = ?" : "");
    }

    /**
     * The tenant's rows as one JSON document (table → array of rows, ordered by primary key),
     * gzip-compressed. Tables of the project's data schema are named plainly, others {@code schema.table}.
     */
    Export export(Project p) {
        StringBuilder json = new StringBuilder("{");
        List<String> exported = new ArrayList<>();
        List<String> unattributed = new ArrayList<>();
        try (Connection c = connect(p)) {
            // one snapshot for every table: the export is consistent even while the tenant still writes
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set transaction isolation level repeatable read, read only");
            }
            for (TenantTable t : TenantTables.tablesOf(c, p)) {
                if (!attributable(p, t)) {
                    unattributed.add(t.key());
                    continue;
                }
                String order = t.primaryKey().stream().map(col -> "t." + TenantTable.quote(col)).collect(Collectors.joining(", "));
                try (PreparedStatement ps = c.prepareStatement("select coalesce(json_agg(t" + (order.isEmpty() ? "" : " order by " + order)
                        + "), '[]')::text from " + rowsOf(p, t))) {
                    if (p.isolation() == IsolationModel.SHARED) {
                        ps.setObject(1, p.id());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String name = t.schema().equals(p.dataSchema()) ? t.name() : t.key();
                        json.append(json.length() > 1 ? "," : "").append(jsonString(name)).append(':').append(rs.getString(1));
                        exported.add(t.key());
                    }
                }
            }
            c.rollback();
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
        return new Export(out.toByteArray(), exported, unattributed);
    }

    Usage usage(Project p) {
        long rows = 0;
        long bytes = 0;
        try (Connection c = connect(p)) {
            for (TenantTable t : TenantTables.tablesOf(c, p)) {
                if (!attributable(p, t)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(sum(pg_column_size(t.*)), 0) from " + rowsOf(p, t))) {
                    if (p.isolation() == IsolationModel.SHARED) {
                        ps.setObject(1, p.id());
                    }
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

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
