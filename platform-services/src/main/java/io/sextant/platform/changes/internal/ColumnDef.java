package io.sextant.platform.changes.internal;

import java.util.Set;

/**
 * A column definition ({@code name type [constraints…]}) in tokens [from, to) of a statement, as
 * found in CREATE TABLE and ALTER TABLE … ADD COLUMN.
 */
record ColumnDef(Statement s, int nameIndex, int typeFrom, int typeTo, int to, int notNull, int defaultAt,
                 int generated, boolean stored, boolean identity, int primaryKey, int unique, int references) {

    private static final Set<String> CONSTRAINT_START = Set.of("constraint", "not", "null", "default", "primary",
            "unique", "check", "references", "generated", "collate", "deferrable", "initially", "compression", "storage");

    static ColumnDef parse(Statement s, int from, int to) {
        int typeFrom = from + 1;
        int i = typeFrom;
        int depth = 0;
        while (i < to) {
            Token t = s.token(i);
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
            else if (depth == 0 && t.kind() == Token.Kind.WORD && CONSTRAINT_START.contains(t.value()) && i > typeFrom) break;
            i++;
        }
        int typeTo = i;
        int notNull = -1, defaultAt = -1, generated = -1, primaryKey = -1, unique = -1, references = -1;
        boolean stored = false, identity = false;
        depth = 0;
        for (int k = typeTo; k < to; k++) {
            Token t = s.token(k);
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
            if (depth != 0 || t.kind() != Token.Kind.WORD) continue;
            switch (t.value()) {
                case "not" -> { if (s.word(k + 1).equals("null")) notNull = k; }
                case "default" -> { if (defaultAt < 0 && generated < 0) defaultAt = k; }
                case "generated" -> generated = k;
                case "stored" -> stored = true;
                case "identity" -> identity = true;
                case "primary" -> primaryKey = k;
                case "unique" -> unique = k;
                case "references" -> references = k;
                default -> { }
            }
        }
        return new ColumnDef(s, from, typeFrom, typeTo, to, notNull, defaultAt, generated, stored, identity,
                primaryKey, unique, references);
    }

    String name() {
        return s.nameAt(nameIndex);
    }

    String typeText() {
        return s.source(typeFrom, typeTo - 1);
    }

    /** Tokens of the DEFAULT expression, up to the next column constraint keyword. */
    int defaultEnd() {
        int depth = 0;
        for (int k = defaultAt + 1; k < to; k++) {
            Token t = s.token(k);
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
            else if (depth == 0 && t.kind() == Token.Kind.WORD && CONSTRAINT_START.contains(t.value())
                    && !(t.value().equals("null") && k == defaultAt + 1)) {
                return k;
            }
        }
        return to;
    }
}
