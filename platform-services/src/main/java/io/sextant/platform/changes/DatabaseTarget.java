package io.sextant.platform.changes;

import java.util.List;

/** A plain {@link ChangeTarget}: one database, its schemas and its blast radius. */
public record DatabaseTarget(String targetId, String kind, String displayName, JdbcEndpoint endpoint,
                             List<String> schemas, List<String> exposedSchemas, int tenantsAffected) implements ChangeTarget {

    public DatabaseTarget {
        schemas = List.copyOf(schemas);
        exposedSchemas = List.copyOf(exposedSchemas);
    }
}
