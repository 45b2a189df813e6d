package io.sextant.platform.changes.internal;

import static io.sextant.platform.changes.internal.CatalogReader.put;
import static io.sextant.platform.changes.internal.CatalogReader.q;
import static io.sextant.platform.changes.internal.CatalogReader.query;

import io.sextant.platform.changes.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Comments (COMMENT ON) on every object of the schemas, identified by {@code pg_identify_object}, and
 * the grants that live outside {@code pg_class.relacl}: column grants ({@code pg_attribute.attacl})
 * and schema grants ({@code pg_namespace.nspacl}). The owner's implicit rights are left out, as for
 * table grants.
 */
final class CommentAndGrantReader {

    private CommentAndGrantReader() {
    }

    static void read(Connection c, String[] scope, Map<String, SchemaObject> out) throws SQLException {
        query(c, scope, """
                select i.type, i.identity, d.description
                from pg_description d cross join lateral pg_identify_object(d.classoid, d.objoid, d.objsubid) i
                join pg_namespace n on n.nspname = i.schema or (d.classoid = 'pg_namespace'::regclass and n.oid = d.objoid)
                where %s
                  and not exists (select 1 from pg_depend e where e.classid = d.classoid and e.objid = d.objoid and e.deptype = 'e')""",
                r -> {
                    String type = r.getString(1);
                    String identity = r.getString(2);
                    String target = switch (type) {
                        case "table column", "view column", "materialized view column", "composite type column", "foreign table column" ->
                                "column " + identity;
                        case "table constraint" -> "constraint " + identity;
                        case "domain constraint" -> "constraint " + identity.replaceFirst(" on ", " on domain ");
                        case "composite type" -> "type " + identity;
                        default -> type + " " + identity;
                    };
                    put(out, "comment:" + type.replace(' ', '-') + ":" + identity, "comment", 11,
                            "comment on " + target + " is " + Sql.literal(r.getString(3)));
                });
        query(c, scope, """
                select n.nspname, c.relname, a.attname,
                       case when x.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(x.grantee)) end,
                       x.privilege_type, x.is_grantable
                from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace,
                     aclexplode(a.attacl) x
                where %s and a.attacl is not null and a.attnum > 0 and not a.attisdropped and x.grantee <> c.relowner""",
                r -> put(out, "column-grant:" + q(r, 1, 2) + "." + Sql.ident(r.getString(3)) + ":" + r.getString(4) + ":"
                                + r.getString(5).toLowerCase(), "grant", 10,
                        "grant " + r.getString(5).toLowerCase() + " (" + Sql.ident(r.getString(3)) + ") on " + q(r, 1, 2)
                                + " to " + r.getString(4) + (r.getBoolean(6) ? " with grant option" : "")));
        query(c, scope, """
                select n.nspname, case when x.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(x.grantee)) end,
                       x.privilege_type, x.is_grantable
                from pg_namespace n, aclexplode(n.nspacl) x
                where %s and x.grantee <> n.nspowner""",
                r -> put(out, "schema-grant:" + Sql.ident(r.getString(1)) + ":" + r.getString(2) + ":" + r.getString(3).toLowerCase(),
                        "grant", 10, "grant " + r.getString(3).toLowerCase() + " on schema " + Sql.ident(r.getString(1)) + " to "
                                + r.getString(2) + (r.getBoolean(4) ? " with grant option" : "")));
    }
}
