package io.sextant.platform.changes.internal;

import java.util.Set;

/** Column type choices: squawk's prefer-* and ban-char-field rules plus Sextant's prefer-jsonb. */
final class TypeRules {

    private static final Set<String> INT32 = Set.of("int", "integer", "int4", "serial", "serial4");
    private static final Set<String> INT16 = Set.of("smallint", "int2", "smallserial", "serial2");
    private static final Set<String> SERIAL = Set.of("serial", "serial2", "serial4", "serial8", "smallserial", "bigserial");

    private TypeRules() {
    }

    /** Checks the type written in tokens [from, to) of a column definition or ALTER COLUMN … TYPE. */
    static void check(Statement s, int from, int to, String column, LintContext ctx) {
        if (from >= to) return;
        int first = from;
        // pg_catalog.int4 and friends: look at the last name part
        while (first + 2 < to && s.token(first + 1).isPunct(".")) first += 2;
        String w = s.word(first);
        String type = s.source(from, to - 1);
        String none = "none (type choice)";
        if (INT32.contains(w)) {
            ctx.report(Rules.PREFER_BIGINT_OVER_INT, s, first, none,
                    "Column " + column + " is a 32-bit integer (max 2,147,483,647); ids and counters outgrow it, and "
                            + "widening it later rewrites the table under ACCESS EXCLUSIVE.",
                    "Use bigint" + (SERIAL.contains(w) ? " generated always as identity" : "") + " for " + column + ".");
        }
        if (INT16.contains(w)) {
            ctx.report(Rules.PREFER_BIGINT_OVER_SMALLINT, s, first, none,
                    "Column " + column + " is a 16-bit integer (max 32,767); widening it later rewrites the table.",
                    "Use bigint (or integer where the range is provably small) for " + column + ".");
        }
        if (SERIAL.contains(w)) {
            ctx.report(Rules.PREFER_IDENTITY, s, first, none,
                    "Serial columns own a sequence with separate permissions and ownership and surprise dumps and "
                            + "copies; identity columns are the SQL-standard replacement.",
                    column + " bigint generated always as identity");
        }
        boolean varchar = w.equals("varchar") || w.equals("character") && s.word(first + 1).equals("varying");
        if (varchar && hasParen(s, first, to)) {
            ctx.report(Rules.PREFER_TEXT_FIELD, s, first, none,
                    "Changing the length of " + type + " later takes ACCESS EXCLUSIVE (and shrinking it rewrites); "
                            + "text with a CHECK constraint can be changed with NOT VALID and VALIDATE.",
                    column + " text check (char_length(" + column + ") <= N)");
        }
        if (w.equals("char") || w.equals("bpchar") || w.equals("character") && !s.word(first + 1).equals("varying")) {
            ctx.report(Rules.BAN_CHAR_FIELD, s, first, none,
                    "char(n) pads values with blanks, compares surprisingly and is not faster than text.",
                    column + " text (with a CHECK on the length if it matters)");
        }
        if (w.equals("timestamp") && !withTimeZone(s, first, to)) {
            ctx.report(Rules.PREFER_TIMESTAMPTZ, s, first, none,
                    "timestamp without time zone stores wall-clock time; instants from clients in other time zones "
                            + "or across DST changes are silently wrong.",
                    column + " timestamptz");
        }
        if (w.equals("json")) {
            ctx.report(Rules.PREFER_JSONB, s, first, none,
                    "json is stored as text and re-parsed on every access, cannot be indexed with GIN and has no "
                            + "equality operator (breaks DISTINCT, GROUP BY, UNION).",
                    column + " jsonb");
        }
    }

    private static boolean hasParen(Statement s, int first, int to) {
        for (int i = first; i < to; i++) if (s.token(i).isPunct("(")) return true;
        return false;
    }

    private static boolean withTimeZone(Statement s, int first, int to) {
        for (int i = first; i < to; i++) if (s.wordsAt(i, "with", "time", "zone")) return true;
        return false;
    }
}
