package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.KnownRelations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The relations a script can name at one point of it: the known ones (live and queued before),
 * with the creates, renames and drops of the statements so far applied, and the search_path the
 * script has set. Mutable; one per script.
 */
public final class RelationScope {

    private final List<String> initialPath;
    private List<String> path;
    private final Set<String> scope;
    private final Set<String> schemas;
    private final Set<String> relations;
    private final Set<String> temporary = new HashSet<>();

    public RelationScope(KnownRelations known) {
        this.initialPath = known.searchPath();
        this.path = known.searchPath();
        this.scope = new HashSet<>(known.scope());
        this.schemas = new HashSet<>(known.schemas());
        this.relations = new HashSet<>(known.relations());
    }

    public KnownRelations known() {
        return new KnownRelations(initialPath, scope, schemas, relations);
    }

    /** Applies the effects of every statement of {@code sql}, judging nothing. */
    public void run(String sql) {
        for (Statement s : ScriptSplitter.split(sql)) {
            UnknownTableRules.effects(s, this);
        }
    }

    List<String> path() {
        return path;
    }

    void setPath(@Nullable List<String> newPath) {
        path = newPath == null ? initialPath : List.copyOf(newPath);
    }

    /** The qualified name {@code parts} resolves to, if it exists; empty if not. */
    Optional<String> resolve(List<String> parts) {
        String name = parts.getLast();
        if (parts.size() == 1) {
            if (temporary.contains(name)) return Optional.of("pg_temp." + name);
            return path.stream().map(p -> p + "." + name).filter(relations::contains).findFirst();
        }
        String qualified = schemaOf(parts) + "." + name;
        return relations.contains(qualified) ? Optional.of(qualified) : Optional.empty();
    }

    /** Whether a missing relation of that name is a finding: unqualified, in the target's schemas, or in a schema that exists nowhere. */
    boolean judged(List<String> parts) {
        // an unqualified name is judged only while every schema it may resolve to is one the board sees
        if (parts.size() == 1) return !temporary.contains(parts.getLast()) && path.stream().noneMatch(p -> schemas.contains(p) && !scope.contains(p));
        String schema = schemaOf(parts);
        return scope.contains(schema) || !schemas.contains(schema) && !schema.startsWith("pg_");
    }

    /** Where an unqualified CREATE lands: the first schema of the path that exists. */
    @Nullable String qualify(List<String> parts) {
        if (parts.size() > 1) return schemaOf(parts) + "." + parts.getLast();
        return path.stream().filter(schemas::contains).findFirst().map(p -> p + "." + parts.getLast()).orElse(null);
    }

    void created(List<String> parts, boolean temp) {
        if (temp) {
            temporary.add(parts.getLast());
            return;
        }
        String q = qualify(parts);
        if (q != null) relations.add(q);
    }

    void dropped(List<String> parts) {
        if (parts.size() == 1 && temporary.remove(parts.getLast())) return;
        resolve(parts).ifPresent(relations::remove);
    }

    void renamed(List<String> parts, String newName) {
        resolve(parts).ifPresent(q -> {
            relations.remove(q);
            relations.add(q.substring(0, q.lastIndexOf('.') + 1) + newName);
        });
    }

    void schemaCreated(String schema) {
        schemas.add(schema);
        scope.add(schema);
    }

    /** Every relation that exists now, qualified, in search_path order first. */
    List<String> candidates() {
        List<String> out = new ArrayList<>(relations);
        out.sort((a, b) -> {
            int pa = rank(a), pb = rank(b);
            return pa != pb ? Integer.compare(pa, pb) : a.compareTo(b);
        });
        return out;
    }

    private int rank(String qualified) {
        int i = path.indexOf(qualified.substring(0, qualified.lastIndexOf('.')));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static String schemaOf(List<String> parts) {
        return parts.get(parts.size() - 2);
    }

    static String fold(Token t) {
        return t.kind() == Token.Kind.QUOTED_IDENT ? t.value() : t.text().toLowerCase(Locale.ROOT);
    }
}
