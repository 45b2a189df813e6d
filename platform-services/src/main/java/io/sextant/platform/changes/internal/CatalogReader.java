package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SchemaObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a schema snapshot from the catalogs. Each object is one statement built from
 * {@code pg_get_*def} (or assembled from catalog columns where PostgreSQL has no such function,
 * e.g. tables and policies), so a shadow can be rebuilt by running them in phase order.
 * Sequence positions are not part of the snapshot (normal use moves them): the rollback round trip
 * reads them with {@link #sequencePositions}. What is not covered is listed in D008.
 */
public final class CatalogReader {

    /** Appended to the DDL of an index whose build failed (indisvalid = false). */
    public static final String INVALID = " /* INVALID */";
    static final String SCOPE = "n.nspname = any(?)";

    private CatalogReader() {
    }

    public static Map<String, SchemaObject> read(Connection c, Collection<String> schemas) throws SQLException {
        Map<String, SchemaObject> out = new LinkedHashMap<>();
        String[] scope = schemas.toArray(String[]::new);
        for (String s : schemas) {
            put(out, "schema:" + s, "schema", 0, "create schema if not exists " + Sql.ident(s));
        }
        query(c, scope, """
                select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                where %s order by 1""", r -> put(out, "extension:" + r.getString(1), "extension", 0,
                "create extension if not exists " + Sql.ident(r.getString(1)) + " with schema " + Sql.ident(r.getString(2))));
        query(c, scope, """
                select n.nspname, t.typname, string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
                where %s group by 1, 2""", r -> put(out, "type:" + q(r, 1, 2), "type", 1,
                "create type " + q(r, 1, 2) + " as enum (" + r.getString(3) + ")"));
        query(c, scope, """
                select n.nspname, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin,
                       s.seqmax, s.seqcache, s.seqcycle
                from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
                where %s and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'i')""",
                r -> put(out, "sequence:" + q(r, 1, 2), "sequence", 1, "create sequence " + q(r, 1, 2) + " as " + r.getString(3)
                        + " start " + r.getLong(4) + " increment " + r.getLong(5) + " minvalue " + r.getLong(6)
                        + " maxvalue " + r.getLong(7) + " cache " + r.getLong(8) + (r.getBoolean(9) ? " cycle" : " no cycle")));
        TypeReader.read(c, scope, out);
        query(c, scope, """
                select p.oid::regprocedure::text, pg_get_functiondef(p.oid) from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace
                where %s and p.prokind in ('f', 'p')
                  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')""",
                r -> put(out, "function:" + r.getString(1), "function", 2, r.getString(2).strip()));
        TableReader.read(c, scope, out);
        query(c, scope, """
                select n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace where %s and c.relkind in ('v', 'm')""",
                r -> put(out, "view:" + q(r, 1, 2), "view", 8, ("m".equals(r.getString(3)) ? "create materialized view " : "create view ")
                        + q(r, 1, 2) + " as " + r.getString(4).strip().replaceAll(";$", "")));
        query(c, scope, """
                select n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid) from pg_trigger t
                join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                where %s and not t.tgisinternal""",
                r -> put(out, "trigger:" + q(r, 1, 2) + "." + r.getString(3), "trigger", 9, r.getString(4)));
        query(c, scope, """
                select n.nspname, s.relname, t.relname, a.attname from pg_depend d
                join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_namespace n on n.oid = s.relnamespace
                join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where %s and d.deptype = 'a' and d.classid = 'pg_class'::regclass""",
                r -> put(out, "sequence-owner:" + q(r, 1, 2), "sequence-owner", 10, "alter sequence " + q(r, 1, 2)
                        + " owned by " + q(r, 1, 3) + "." + Sql.ident(r.getString(4))));
        // Identity columns own a sequence that the table DDL recreates; its options are stated separately.
        query(c, scope, """
                select n.nspname, t.relname, a.attname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
                from pg_sequence s join pg_depend d on d.objid = s.seqrelid and d.deptype = 'i' and d.classid = 'pg_class'::regclass
                join pg_class t on t.oid = d.refobjid join pg_namespace n on n.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where %s""", r -> put(out, "identity:" + q(r, 1, 2) + "." + Sql.ident(r.getString(3)), "identity", 4,
                "alter table only " + q(r, 1, 2) + " alter column " + Sql.ident(r.getString(3)) + " set start with " + r.getLong(4)
                        + " set increment by " + r.getLong(5) + " set minvalue " + r.getLong(6) + " set maxvalue " + r.getLong(7)
                        + " set cache " + r.getLong(8) + (r.getBoolean(9) ? " set cycle" : " set no cycle")));
        CommentAndGrantReader.read(c, scope, out);
        return out;
    }

    /** A sequence's position: {@code last_value} and {@code is_called}, and the value {@code nextval} would hand out next. */
    public record SequencePosition(long lastValue, boolean called, long increment) {
        public long next() {
            return called ? lastValue + increment : lastValue;
        }

        @Override
        public String toString() {
            return "last_value " + lastValue + (called ? " (called)" : " (not called)") + ", next " + next();
        }
    }

    /** Positions of every sequence of the schemas (owned, identity and free-standing), by qualified name. */
    public static Map<String, SequencePosition> sequencePositions(Connection c, Collection<String> schemas) throws SQLException {
        Map<String, Long> increments = new LinkedHashMap<>();
        query(c, schemas.toArray(String[]::new), """
                select n.nspname, k.relname, s.seqincrement from pg_sequence s join pg_class k on k.oid = s.seqrelid
                join pg_namespace n on n.oid = k.relnamespace where %s order by 1, 2""", r -> increments.put(q(r, 1, 2), r.getLong(3)));
        Map<String, SequencePosition> out = new java.util.TreeMap<>();
        for (var e : increments.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("select last_value, is_called from " + e.getKey());
                 ResultSet r = ps.executeQuery()) {
                r.next();
                out.put(e.getKey(), new SequencePosition(r.getLong(1), r.getBoolean(2), e.getValue()));
            }
        }
        return out;
    }

    static String q(ResultSet r, int schema, int name) throws SQLException {
        return Sql.ident(r.getString(schema)) + "." + Sql.ident(r.getString(name));
    }

    static void put(Map<String, SchemaObject> out, String key, String kind, int phase, String ddl) {
        out.put(key, new SchemaObject(key, kind, phase, ddl));
    }

    interface RowConsumer {
        void accept(ResultSet r) throws SQLException;
    }

    /** Runs a catalog query whose {@code %s} is the schema filter on {@code n.nspname}. */
    static void query(Connection c, String[] scope, String sql, RowConsumer each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.formatted(SCOPE))) {
            ps.setArray(1, c.createArrayOf("text", scope));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    each.accept(r);
                }
            }
        }
    }
}
