package io.sextant.platform.changes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The relations a statement names that must exist for it to run: ALTER/DROP TABLE, CREATE
 * INDEX/POLICY/TRIGGER … ON, DML targets, TRUNCATE/LOCK, COMMENT ON, GRANT/REVOKE ON tables,
 * REFERENCES, PARTITION OF, LIKE, INHERITS. Forms that tolerate absence ({@code IF EXISTS}) and
 * bodies of views, functions and SELECTs are not read: a miss there is for the shadow to report,
 * not a guess of ours.
 */
final class RelationRefs {

    /** A relation named at token {@code index}, its parts folded as PostgreSQL folds them. */
    record Ref(int index, List<String> parts) {
    }

    private static final Set<String> NOT_RELATIONS = Set.of("schema", "sequence", "function", "procedure", "routine", "database",
            "domain", "type", "language", "large", "tablespace", "foreign", "all", "parameter", "server");

    private RelationRefs() {
    }

    /** The relations a statement names that must exist for it to run. */
    static List<Ref> references(Statement s) {
        List<Ref> out = new ArrayList<>();
        String w0 = s.word(0);
        switch (w0) {
            case "alter" -> {
                if (s.wordsAt(1, "table") && !s.wordsAt(2, "all")) {
                    int i = 2;
                    if (!s.wordsAt(i, "if", "exists")) out.add(ref(s, s.wordsAt(i, "only") ? i + 1 : i));
                    foreignKeys(s, out);
                } else if ((s.wordsAt(1, "policy") || s.wordsAt(1, "trigger")) && s.find(2, "on") > 0) {
                    out.add(ref(s, s.find(2, "on") + 1));
                }
            }
            case "drop" -> {
                int i = s.wordsAt(1, "materialized", "view") ? 3 : s.wordsAt(1, "table") || s.wordsAt(1, "view") ? 2 : -1;
                if (i > 0 && !s.wordsAt(i, "if", "exists")) names(s, i, out);
                if ((s.wordsAt(1, "policy") || s.wordsAt(1, "trigger")) && !s.wordsAt(2, "if", "exists") && s.find(2, "on") > 0) {
                    out.add(ref(s, s.find(2, "on") + 1));
                }
            }
            case "create" -> {
                int i = 1;
                while (UnknownTableRules.CREATE_PREFIX.contains(s.word(i)) || s.word(i).equals("unique") || s.word(i).equals("constraint")) i++;
                String what = s.word(i);
                if (Set.of("index", "policy", "trigger").contains(what) && s.find(i, "on") > 0) {
                    int on = s.find(i, "on") + 1;
                    out.add(ref(s, s.wordsAt(on, "only") ? on + 1 : on));
                } else if (what.equals("table")) {
                    foreignKeys(s, out);
                    int of = s.find(i, "partition", "of");
                    if (of > 0) out.add(ref(s, of + 2));
                    int inherits = s.find(i, "inherits");
                    if (inherits > 0) names(s, inherits + 2, out);
                    int name = s.wordsAt(i + 1, "if", "not", "exists") ? i + 4 : i + 1;
                    int open = s.skipName(name);
                    if (open < s.size() && s.token(open).isPunct("(")) {
                        int close = s.closeParen(open);
                        for (int k = open + 1; k < close; k++) {
                            if (s.word(k).equals("like") && (s.token(k - 1).isPunct("(") || s.token(k - 1).isPunct(","))) {
                                out.add(ref(s, k + 1));
                            }
                        }
                    }
                }
            }
            case "insert" -> {
                if (s.wordsAt(1, "into")) out.add(ref(s, 2));
            }
            case "update" -> out.add(ref(s, s.wordsAt(1, "only") ? 2 : 1));
            case "delete" -> {
                if (s.wordsAt(1, "from")) out.add(ref(s, s.wordsAt(2, "only") ? 3 : 2));
            }
            case "truncate", "lock" -> names(s, s.wordsAt(1, "table") ? 2 : 1, out);
            case "comment" -> {
                if (s.wordsAt(1, "on", "table")) out.add(ref(s, 3));
                else if (s.wordsAt(1, "on", "column")) {
                    List<String> column = parts(s, 3);
                    if (column.size() > 1) out.add(relation(3, column.subList(0, column.size() - 1)));
                }
            }
            case "grant", "revoke" -> {
                int on = s.find(1, "on");
                if (on > 0 && !NOT_RELATIONS.contains(s.word(on + 1))) names(s, s.wordsAt(on + 1, "table") ? on + 2 : on + 1, out);
            }
            default -> {
            }
        }
        out.removeIf(r -> r.parts().isEmpty());
        return out;
    }

    /** A comma-separated list of names from {@code i} ({@code ONLY} and {@code *} allowed around each). */
    static void names(Statement s, int i, List<Ref> out) {
        int k = i;
        while (k < s.size()) {
            if (s.wordsAt(k, "only")) k++;
            Ref r = ref(s, k);
            if (r.parts().isEmpty()) return;
            out.add(r);
            k = s.skipName(k);
            if (k < s.size() && s.token(k).isPunct("*")) k++;
            if (k >= s.size() || !s.token(k).isPunct(",")) return;
            k++;
        }
    }

    private static void foreignKeys(Statement s, List<Ref> out) {
        for (int k = 0; k < s.size() - 1; k++) {
            if (s.word(k).equals("references")) out.add(ref(s, k + 1));
        }
    }

    static Ref ref(Statement s, int i) {
        return relation(i, parts(s, i));
    }

    /** A name's parts as written from token i, folded. */
    private static List<String> parts(Statement s, int i) {
        List<String> parts = new ArrayList<>();
        int end = s.skipName(i);
        for (int j = i; j < end; j++) {
            if (s.token(j).isIdentifier()) parts.add(RelationScope.fold(s.token(j)));
        }
        return parts;
    }

    /** db.schema.table: the database part says nothing about the relation. */
    private static Ref relation(int i, List<String> parts) {
        return new Ref(i, parts.size() > 2 ? List.copyOf(parts.subList(parts.size() - 2, parts.size())) : List.copyOf(parts));
    }

}
