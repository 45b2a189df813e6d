package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.KnownRelations;
import io.sextant.platform.changes.SchemaTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a target's schema tree and its relation names from the catalogs the snapshot reads, in
 * the same scope, but bounded: one page of relations and only their columns, never the whole
 * snapshot (its function and view definitions would be read for nothing, and a target with
 * thousands of tables would keep the submit dialog waiting).
 */
final class SchemaTreeReader {

    static final String RELATIONS = "c.relkind in ('r', 'p', 'v', 'm', 'f')";
    private static final String MATCHES = """
            n.nspname = any(?) and %s and (? = '' or (n.nspname || '.' || c.relname) ilike ? escape '\\'
              or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                         and a.attname ilike ? escape '\\'))""".formatted(RELATIONS);

    private SchemaTreeReader() {
    }

    static SchemaTree read(Connection c, ChangeTarget target, String filter, int limit) throws SQLException {
        String[] path = target.searchPath().toArray(String[]::new);
        String f = filter.strip();
        String like = "%" + f.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<SchemaTree.Schema> schemas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select n.nspname, count(c.oid) from pg_namespace n left join pg_class c on c.relnamespace = n.oid and %s
                where n.nspname = any(?) group by 1 order by array_position(?, n.nspname::text)""".formatted(RELATIONS))) {
            ps.setArray(1, c.createArrayOf("text", path));
            ps.setArray(2, c.createArrayOf("text", path));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) schemas.add(new SchemaTree.Schema(r.getString(1), r.getInt(2)));
            }
        }
        int matching;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where " + MATCHES)) {
            bind(c, ps, path, f, like);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                matching = r.getInt(1);
            }
        }
        Map<Long, String[]> relations = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select c.oid, n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where %s order by array_position(?, n.nspname::text), c.relname limit ?""".formatted(MATCHES))) {
            int i = bind(c, ps, path, f, like);
            ps.setArray(i++, c.createArrayOf("text", path));
            ps.setInt(i, limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) relations.put(r.getLong(1), new String[] {r.getString(2), r.getString(3), r.getString(4)});
            }
        }
        Map<Long, List<SchemaTree.Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull,
                       exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any(i.indkey))
                from pg_attribute a where a.attrelid::bigint = any(?) and a.attnum > 0 and not a.attisdropped
                order by a.attrelid, a.attnum""")) {
            ps.setArray(1, c.createArrayOf("int8", relations.keySet().toArray()));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    columns.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(new SchemaTree.Column(r.getString(2), r.getString(3), r.getBoolean(4), r.getBoolean(5)));
                }
            }
        }
        List<SchemaTree.Table> tables = new ArrayList<>();
        relations.forEach((oid, rel) -> tables.add(new SchemaTree.Table(rel[0], rel[1], Sql.ident(rel[0]) + "." + Sql.ident(rel[1]),
                kind(rel[2]), columns.getOrDefault(oid, List.of()))));
        return new SchemaTree(target.targetId(), target.searchPath(), schemas, tables, matching, f);
    }

    /** Every relation of the target's schemas by name, and every schema of the database: what unknown-table judges against. */
    static KnownRelations known(Connection c, ChangeTarget target) throws SQLException {
        Set<String> relations = new HashSet<>();
        CatalogReader.query(c, target.schemas().toArray(String[]::new), """
                select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where %s and""" + " " + RELATIONS, r -> relations.add(r.getString(1) + "." + r.getString(2)));
        Set<String> schemas = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select nspname from pg_namespace"); ResultSet r = ps.executeQuery()) {
            while (r.next()) schemas.add(r.getString(1));
        }
        return new KnownRelations(target.searchPath(), Set.copyOf(target.schemas()), schemas, relations);
    }

    private static int bind(Connection c, PreparedStatement ps, String[] path, String filter, String like) throws SQLException {
        ps.setArray(1, c.createArrayOf("text", path));
        ps.setString(2, filter);
        ps.setString(3, like);
        ps.setString(4, like);
        return 5;
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "p" -> "partitioned table";
            case "v" -> "view";
            case "m" -> "materialized view";
            case "f" -> "foreign table";
            default -> "table";
        };
    }
}
