package io.sextant.platform.authz.internal;

import io.sextant.platform.authz.TableSchema;
import io.sextant.platform.authz.ValueType;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.RegionServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A tenant's tables and column types, read from its database's catalogs as the region owner. */
@Component
public class TenantTables {

    /** A table with the PostgreSQL type of every column (also those conditions cannot use). */
    public record Table(TableSchema schema, Map<String, String> pgTypes, List<String> primaryKey) {
    }

    private final RegionServers regions;

    TenantTables(RegionServers regions) {
        this.regions = regions;
    }

    public Connection owner(Project p) {
        return p.isolation() == IsolationModel.SHARED ? regions.owner(p.region()) : regions.owner(p.region(), p.dbName());
    }

    public List<Table> tables(Project p) {
        try (Connection c = owner(p)) {
            return read(c, p.dataSchema());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of project " + p.slug() + ": " + e.getMessage(), e);
        }
    }

    static List<Table> read(Connection c, String schema) throws SQLException {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select cl.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                join pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = ? and cl.relkind in ('r', 'p') order by cl.relname, a.attnum""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<Table> out = new ArrayList<>();
        for (var e : types.entrySet()) {
            Map<String, ValueType> columns = new LinkedHashMap<>();
            e.getValue().forEach((col, pg) -> {
                ValueType t = ValueType.ofPostgres(pg);
                if (t != null) {
                    columns.put(col, t);
                }
            });
            List<String> pk = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                    where i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass and i.indisprimary""")) {
                ps.setString(1, schema);
                ps.setString(2, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pk.add(rs.getString(1));
                    }
                }
            }
            out.add(new Table(new TableSchema(e.getKey(), schema + "." + e.getKey(), columns), Map.copyOf(e.getValue()), List.copyOf(pk)));
        }
        return out;
    }
}
