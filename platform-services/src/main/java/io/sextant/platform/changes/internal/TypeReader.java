package io.sextant.platform.changes.internal;

import static io.sextant.platform.changes.internal.CatalogReader.put;
import static io.sextant.platform.changes.internal.CatalogReader.q;
import static io.sextant.platform.changes.internal.CatalogReader.query;

import io.sextant.platform.changes.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Collations created in the schemas, composite types and domains (with their defaults and every
 * constraint by name). The DDL is assembled from catalog columns in a fixed order, so two objects
 * have equal DDL exactly when they are the same; the collation's library version is left out (it
 * moves with the ICU/libc upgrade, not with a change).
 */
final class TypeReader {

    private TypeReader() {
    }

    static void read(Connection c, String[] scope, Map<String, SchemaObject> out) throws SQLException {
        query(c, scope, """
                select n.nspname, k.collname, k.collprovider, k.collisdeterministic, k.collcollate, k.collctype,
                       k.colllocale, k.collicurules
                from pg_collation k join pg_namespace n on n.oid = k.collnamespace
                where %s and not exists (select 1 from pg_depend d where d.objid = k.oid and d.deptype = 'e')""", r -> {
            String provider = switch (r.getString(3)) {
                case "i" -> "icu";
                case "b" -> "builtin";
                case "c" -> "libc";
                default -> "default";
            };
            StringBuilder ddl = new StringBuilder("create collation ").append(q(r, 1, 2)).append(" (provider = ").append(provider);
            if (r.getString(7) != null) {
                ddl.append(", locale = ").append(Sql.literal(r.getString(7)));
            }
            if (r.getString(5) != null) {
                ddl.append(", lc_collate = ").append(Sql.literal(r.getString(5))).append(", lc_ctype = ").append(Sql.literal(r.getString(6)));
            }
            if (r.getString(8) != null) {
                ddl.append(", rules = ").append(Sql.literal(r.getString(8)));
            }
            ddl.append(", deterministic = ").append(r.getBoolean(4)).append(')');
            put(out, "collation:" + q(r, 1, 2), "collation", 1, ddl.toString());
        });
        query(c, scope, """
                select n.nspname, t.typname,
                       string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                  || case when a.attcollation <> at.typcollation then ' collate ' || a.attcollation::regcollation::text else '' end,
                                  ', ' order by a.attnum)
                from pg_type t join pg_namespace n on n.oid = t.typnamespace
                join pg_class k on k.oid = t.typrelid and k.relkind = 'c'
                left join pg_attribute a on a.attrelid = k.oid and a.attnum > 0 and not a.attisdropped
                left join pg_type at on at.oid = a.atttypid
                where %s and t.typtype = 'c'
                  and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
                group by 1, 2""", r -> put(out, "type:" + q(r, 1, 2), "type", 1,
                "create type " + q(r, 1, 2) + " as (" + (r.getString(3) == null ? "" : r.getString(3)) + ")"));
        query(c, scope, """
                select n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),
                       case when t.typcollation <> bt.typcollation then ' collate ' || t.typcollation::regcollation::text else '' end,
                       t.typdefault,
                       (select string_agg(' constraint ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), '' order by k.conname)
                        from pg_constraint k where k.contypid = t.oid)
                from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_type bt on bt.oid = t.typbasetype
                where %s and t.typtype = 'd'
                  and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')""",
                r -> put(out, "domain:" + q(r, 1, 2), "domain", 2, "create domain " + q(r, 1, 2) + " as " + r.getString(3)
                        + r.getString(4) + (r.getString(5) != null ? " default " + r.getString(5) : "")
                        + (r.getString(6) != null ? r.getString(6) : "")));
    }
}
