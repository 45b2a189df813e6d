package io.sextant.platform.changes.internal;

import java.util.Set;

/** CREATE TABLE: remembers the table (locking rules do not matter for it) and checks its column types. */
final class TableRules {

    private static final Set<String> TABLE_CONSTRAINT = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "like");

    private TableRules() {
    }

    static void check(Statement s, LintContext ctx) {
        if (!s.startsWith("create")) return;
        int i = 1;
        while (Set.of("global", "local", "temp", "temporary", "unlogged").contains(s.word(i))) i++;
        if (!s.word(i).equals("table")) return;
        i++;
        if (s.wordsAt(i, "if", "not", "exists")) i += 3;
        String table = s.nameAt(i);
        ctx.tableCreated(table);
        int open = s.skipName(i);
        if (open >= s.size() || !s.token(open).isPunct("(")) return;  // CREATE TABLE … AS / PARTITION OF
        int close = s.closeParen(open);
        int from = open + 1;
        int depth = 0;
        for (int k = from; k <= close; k++) {
            Token t = s.token(k);
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
            if (depth == 0 && (t.isPunct(",") || k == close) || depth < 0) {
                if (k > from && !TABLE_CONSTRAINT.contains(s.word(from))) {
                    ColumnDef def = ColumnDef.parse(s, from, k);
                    TypeRules.check(s, def.typeFrom(), def.typeTo(), def.name(), ctx);
                }
                from = k + 1;
                if (depth < 0) break;
            }
        }
    }
}
