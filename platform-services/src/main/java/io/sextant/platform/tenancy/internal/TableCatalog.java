package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.TenantTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The catalog queries behind {@link io.sextant.platform.tenancy.TenantTables}; use that, not this. */
public final class TableCatalog {

    /** Namespaces that are never a tenant's: PostgreSQL's own and the shared model's key tables. */
    private static final String NOT_TENANT = "n.nspname not in ('pg_catalog', 'information_schema', 'platform') and n.nspname not like 'pg\\_%'";

    private TableCatalog() {
    }

    /** The tables of {@code schema}. */
    public static List<TenantTable> inSchema(Connection c, String schema) throws SQLException {
        return read(c, "n.nspname = ?", schema);
    }

    /** The tables of every schema of the database a connection is on, except PostgreSQL's own and {@code platform}. */
    public static List<TenantTable> inDatabase(Connection c) throws SQLException {
        return read(c, NOT_TENANT, null);
    }

    // Partitions are left out: reading or deleting through the partitioned parent reaches their rows.
    private static List<TenantTable> read(Connection c, String where, String schema) throws SQLException {
        String sql = """
                select n.nspname, cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                  exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'tenant_id' and a.attnum > 0
                          and not a.attisdropped and a.atttypid = 'uuid'::regtype and a.attnotnull),
                  coalesce((select array_agg(a.attname::text order by k.ord) from pg_constraint pk
                            cross join lateral unnest(pk.conkey) with ordinality k(attnum, ord)
                            join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
                            where pk.conrelid = cl.oid and pk.contype = 'p'), '{}'),
                  coalesce((select array_agg(distinct rn.nspname || '.' || r.relname) from pg_constraint fk
                            join pg_class r on r.oid = fk.confrelid join pg_namespace rn on rn.oid = r.relnamespace
                            where fk.conrelid = cl.oid and fk.contype = 'f' and fk.confrelid <> cl.oid), '{}'),
                  not cl.relforcerowsecurity or (
                    exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = cl.relname
                            and p.permissive = 'PERMISSIVE' and p.cmd = 'ALL' and p.qual = 'true'
                            and (current_user = any(p.roles) or 'public' = any(p.roles)))
                    and not exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = cl.relname
                            and p.permissive = 'RESTRICTIVE' and (current_user = any(p.roles) or 'public' = any(p.roles))))
                from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                where cl.relkind in ('r', 'p') and not cl.relispartition and %s
                order by n.nspname, cl.relname""".formatted(where);
        List<TenantTable> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (schema != null) {
                ps.setString(1, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TenantTable(rs.getString(1), rs.getString(2), rs.getBoolean(5), strings(rs, 7), strings(rs, 6),
                            rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(8)));
                }
            }
        }
        // keep only references inside the set: they are what orders a deletion
        List<String> keys = tables.stream().map(TenantTable::key).toList();
        return tables.stream().map(t -> new TenantTable(t.schema(), t.name(), t.tenantKey(),
                t.references().stream().filter(keys::contains).toList(), t.primaryKey(), t.rlsEnabled(), t.rlsForced(), t.ownerReadsAll()))
                .toList();
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
