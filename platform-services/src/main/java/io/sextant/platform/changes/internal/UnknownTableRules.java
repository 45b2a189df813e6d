package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.internal.RelationRefs.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code unknown-table}: a statement names a relation that exists neither live, nor earlier in the
 * script, nor in a change queued before it (only when the linter is given {@link RelationScope}'s
 * knowledge, i.e. at submit). The finding names the nearest existing relation within edit
 * distance 2. Which names a statement needs is {@link RelationRefs}'s; what it creates, renames
 * and drops is {@link #effects}.
 */
final class UnknownTableRules {

    static final Set<String> CREATE_PREFIX = Set.of("or", "replace", "global", "local", "temp", "temporary", "unlogged",
            "materialized", "recursive", "foreign");
    static final int MAX_DISTANCE = 2;

    private UnknownTableRules() {
    }

    static void check(Statement s, LintContext ctx) {
        RelationScope scope = ctx.relations();
        if (scope == null) return;
        // a table may reference itself (a foreign key to its own key), so a CREATE takes effect before its names are judged
        boolean create = s.startsWith("create");
        if (create) effects(s, scope);
        for (Ref r : RelationRefs.references(s)) {
            if (scope.resolve(r.parts()).isPresent() || !scope.judged(r.parts())) continue;
            String written = String.join(".", r.parts());
            String nearest = nearest(r.parts(), scope);
            String what = r.parts().size() == 1
                    ? written + " is looked up in search_path = " + String.join(", ", scope.path()) + ", and no relation of that name"
                    : written + " does not exist: no such relation";
            ctx.report(Rules.UNKNOWN_TABLE, s, r.index(), "none",
                    what + " is in the target, created earlier in this change, or created by a change queued before it. "
                            + "The statement fails with \"relation does not exist\" in the shadow and at apply.",
                    nearest != null ? "Did you mean " + nearest + "? Write the schema-qualified name (" + nearest + ")."
                            : "Correct the name (the schema panel beside the editor lists the target's tables), or create it "
                            + "earlier in this change.");
        }
        if (!create) effects(s, scope);
    }

    /** Creates, renames, drops and search_path settings: what later statements may name. */
    static void effects(Statement s, RelationScope scope) {
        String w0 = s.word(0);
        if (w0.equals("create")) {
            if (s.wordsAt(1, "schema")) {
                int i = s.wordsAt(2, "if", "not", "exists") ? 5 : 2;
                if (!s.word(i).equals("authorization") && s.token(Math.min(i, s.size() - 1)).isIdentifier()) {
                    scope.schemaCreated(RelationRefs.ref(s, i).parts().getLast());
                }
                return;
            }
            int i = 1;
            boolean temp = false;
            while (CREATE_PREFIX.contains(s.word(i))) {
                temp |= s.word(i).startsWith("temp");
                i++;
            }
            if (!s.word(i).equals("table") && !s.word(i).equals("view")) return;
            i++;
            if (s.wordsAt(i, "if", "not", "exists")) i += 3;
            Ref r = RelationRefs.ref(s, i);
            if (!r.parts().isEmpty()) scope.created(r.parts(), temp);
        } else if (w0.equals("drop")) {
            int i = s.wordsAt(1, "materialized", "view") || s.wordsAt(1, "foreign", "table") ? 3 : s.wordsAt(1, "table") || s.wordsAt(1, "view") ? 2 : -1;
            if (i < 0) return;
            if (s.wordsAt(i, "if", "exists")) i += 2;
            List<Ref> dropped = new ArrayList<>();
            RelationRefs.names(s, i, dropped);
            dropped.forEach(r -> scope.dropped(r.parts()));
        } else if (w0.equals("alter") && (s.wordsAt(1, "table") || s.wordsAt(1, "view") || s.wordsAt(1, "materialized", "view"))) {
            int i = s.wordsAt(1, "materialized") ? 3 : 2;
            if (s.wordsAt(i, "if", "exists")) i += 2;
            if (s.wordsAt(i, "only")) i++;
            Ref r = RelationRefs.ref(s, i);
            int rename = s.find(i, "rename", "to");
            int setSchema = s.find(i, "set", "schema");
            if (rename > 0 && rename + 2 < s.size() && s.token(rename + 2).isIdentifier()) {
                scope.renamed(r.parts(), RelationScope.fold(s.token(rename + 2)));
            } else if (setSchema > 0 && setSchema + 2 < s.size()) {
                scope.resolve(r.parts()).ifPresent(q -> {
                    scope.dropped(r.parts());
                    scope.created(List.of(RelationScope.fold(s.token(setSchema + 2)), r.parts().getLast()), false);
                });
            }
        } else if (w0.equals("set") || w0.equals("reset")) {
            int i = s.wordsAt(1, "session") || s.wordsAt(1, "local") ? 2 : 1;
            if (!s.word(i).equals("search_path")) return;
            if (w0.equals("reset") || s.wordsAt(i + 2, "default")) {
                scope.setPath(null);
                return;
            }
            List<String> path = new ArrayList<>();
            for (int k = i + 2; k < s.size(); k++) {
                Token t = s.token(k);
                if (t.kind() == Token.Kind.STRING) path.add(t.text().substring(1, t.text().length() - 1));
                else if (t.isIdentifier()) path.add(RelationScope.fold(t));
            }
            scope.setPath(path);
        }
    }

    /** The existing relation nearest to the written name within {@link #MAX_DISTANCE}, qualified; ties go to the search_path order. */
    static @Nullable String nearest(List<String> parts, RelationScope scope) {
        String written = parts.size() == 1 ? parts.getFirst() : RelationScope.schemaOf(parts) + "." + parts.getLast();
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : scope.candidates()) {
            String compared = parts.size() == 1 ? candidate.substring(candidate.lastIndexOf('.') + 1) : candidate;
            int d = distance(written, compared);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_DISTANCE) return MAX_DISTANCE + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
