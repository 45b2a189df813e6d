package io.sextant.platform.changes;

import java.util.List;

/**
 * A target's schemas, relations and columns as a change author needs them beside the editor: read
 * live from the catalogs the board's snapshot reads, in the same scope ({@link ChangeTarget#schemas()}),
 * bounded so that a target with thousands of tables answers at once.
 *
 * @param targetId   the target
 * @param searchPath the search_path a change runs with ({@link ChangeTarget#searchPath()})
 * @param schemas    the target's schemas that exist, in the search_path order, each with its relation count
 * @param tables     the relations that match the filter, at most {@code limit}, in search_path order then name
 * @param matching   how many relations match the filter in all
 * @param filter     the filter applied (case-insensitive substring of the qualified name or of a column name)
 */
public record SchemaTree(String targetId, List<String> searchPath, List<Schema> schemas, List<Table> tables, int matching,
                         String filter) {

    public SchemaTree {
        searchPath = List.copyOf(searchPath);
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
    }

    /** More relations match than are listed: the author should narrow the filter. */
    public boolean truncated() {
        return matching > tables.size();
    }

    /** @param relations how many relations the schema holds */
    public record Schema(String name, int relations) {
    }

    /**
     * @param qualifiedName schema-qualified, quoted where SQL needs it: what to write in a change
     * @param kind          table, partitioned table, view, materialized view or foreign table
     */
    public record Table(String schema, String name, String qualifiedName, String kind, List<Column> columns) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** @param type as {@code format_type} gives it, e.g. {@code character varying(80)} */
    public record Column(String name, String type, boolean nullable, boolean primaryKey) {
    }
}
