package io.sextant.platform.changes;

import io.sextant.platform.changes.internal.RelationScope;
import java.util.List;
import java.util.Set;

/**
 * What a script may name besides what it creates itself, for the {@code unknown-table} lint rule:
 * the relations (tables, views, materialized views, foreign tables) of the target's schemas, read
 * live, plus the effect of the changes queued before the script. Names are as PostgreSQL stores
 * them (unquoted, case as created).
 *
 * @param searchPath how unqualified names resolve: {@link ChangeTarget#searchPath()}
 * @param scope      the target's schemas: a name there that does not exist is a finding
 * @param schemas    every schema of the database: a qualified name in a schema that exists outside
 *                   the scope is not judged, one in a schema that exists nowhere is
 * @param relations  {@code schema.name} of every relation in scope
 */
public record KnownRelations(List<String> searchPath, Set<String> scope, Set<String> schemas, Set<String> relations) {

    public KnownRelations {
        searchPath = List.copyOf(searchPath);
        scope = Set.copyOf(scope);
        schemas = Set.copyOf(schemas);
        relations = Set.copyOf(relations);
    }

    /** What exists once {@code sql} (a change queued before) has run: its creates, renames and drops applied. */
    public KnownRelations after(String sql) {
        RelationScope s = new RelationScope(this);
        s.run(sql);
        return s.known();
    }
}
