package io.sextant.platform.authz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table as policies see it: its unqualified name (what rules name after {@code on}), its
 * qualified name in the database, and the columns conditions may use with their types. Columns of
 * types conditions cannot use are left out.
 */
public record TableSchema(String name, String qualifiedName, Map<String, ValueType> columns) {

    public TableSchema {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
