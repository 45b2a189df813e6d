package io.sextant.platform.changes;

import io.sextant.platform.changes.internal.CatalogReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema of some namespaces of a database, read from {@code pg_catalog} and the
 * {@code pg_get_*def} functions (there is no pg_dump for PostgreSQL 18 here, and a structured
 * snapshot is what diffs need anyway). Two snapshots are equal exactly when every object's DDL is
 * equal. Used to rebuild shadows, to verify rollbacks by round trip and to detect drift.
 *
 * @param schemas the namespaces covered
 * @param objects  by {@link SchemaObject#key()}, sorted
 * @param coverage which object kinds the reader knew when the snapshot was taken: 1 = before
 *                 collations, domains, composite types, identity options, comments, column and
 *                 schema grants (absent in a stored snapshot means 1); {@link #COVERAGE} now
 */
public record SchemaSnapshot(List<String> schemas, Map<String, SchemaObject> objects, Integer coverage) {

    /** The coverage of snapshots read now. */
    public static final int COVERAGE = 2;

    /** Key prefixes of the kinds added with coverage 2 (composite types share {@code type:} with enums). */
    public static final List<String> ADDED_IN_2 = List.of("collation:", "domain:", "identity:", "comment:", "column-grant:", "schema-grant:");

    public SchemaSnapshot {
        schemas = List.copyOf(schemas);
        objects = java.util.Collections.unmodifiableMap(new TreeMap<>(objects));
        coverage = coverage == null ? 1 : coverage;
    }

    public SchemaSnapshot(List<String> schemas, Map<String, SchemaObject> objects) {
        this(schemas, objects, COVERAGE);
    }

    /** Reads the snapshot of {@code schemas} through {@code connection} (any role that can see the catalogs). */
    public static SchemaSnapshot read(Connection connection, Collection<String> schemas) throws SQLException {
        return new SchemaSnapshot(List.copyOf(schemas), CatalogReader.read(connection, schemas));
    }

    /** Objects in creation order: by phase, then key. */
    public List<SchemaObject> inCreationOrder() {
        List<SchemaObject> list = new ArrayList<>(objects.values());
        list.sort(Comparator.comparingInt(SchemaObject::phase).thenComparing(SchemaObject::key));
        return list;
    }

    /** Every object whose DDL differs, or that exists on only one side; empty when the two are equal. */
    public List<SchemaDifference> diff(SchemaSnapshot after) {
        List<SchemaDifference> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(objects.keySet());
        keys.addAll(after.objects.keySet());
        for (String key : keys) {
            SchemaObject a = objects.get(key);
            SchemaObject b = after.objects.get(key);
            if (a == null) {
                out.add(new SchemaDifference(key, SchemaDifference.Kind.ADDED, null, b.ddl()));
            } else if (b == null) {
                out.add(new SchemaDifference(key, SchemaDifference.Kind.REMOVED, a.ddl(), null));
            } else if (!a.ddl().equals(b.ddl())) {
                out.add(new SchemaDifference(key, SchemaDifference.Kind.CHANGED, a.ddl(), b.ddl()));
            }
        }
        return out;
    }
}
