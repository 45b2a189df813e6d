package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.internal.AlterTable.Action;
import java.util.Set;

/** ALTER TABLE actions on columns: add, set/drop NOT NULL, type changes, renames and drops. */
final class ColumnRules {

    /** Functions that are not volatile, so a DEFAULT using them is evaluated once and stored in the catalog (PG 11+). */
    /** Built-in functions PostgreSQL marks volatile: a default calling one rewrites the table. */
    static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuid_generate_v4", "uuidv4", "uuidv7",
            "clock_timestamp", "timeofday", "nextval", "setval", "txid_current", "pg_current_xact_id");

    private static final Set<String> NON_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
            "current_setting", "lower", "upper", "coalesce", "nullif", "greatest", "least", "concat", "length",
            "abs", "jsonb_build_object", "jsonb_build_array", "json_build_object", "to_jsonb", "make_interval",
            "date_trunc", "timezone", "array", "row", "cast", "interval", "numeric", "decimal", "timestamp",
            "timestamptz", "varchar", "char", "character", "time", "bit");

    private ColumnRules() {
    }

    static void check(AlterTable at, Action a, LintContext ctx) {
        Statement s = at.s();
        String t = at.table();
        String lock = at.lockDescription();
        String w0 = at.word(a, 0);
        int col = at.addedColumn(a);
        if (col >= 0) {
            addColumn(at, ColumnDef.parse(s, col, a.to()), lock, ctx);
        } else if (w0.equals("alter")) {
            int c = a.from() + (at.word(a, 1).equals("column") ? 2 : 1);
            String column = s.nameAt(c);
            int rest = s.skipName(c);
            if (s.wordsAt(rest, "set", "not", "null")) {
                ctx.reportOn(t, Rules.ADDING_NOT_NULLABLE_FIELD, s, rest, lock,
                        "SET NOT NULL scans all of " + t + " under ACCESS EXCLUSIVE, blocking reads and writes, unless "
                                + "a valid CHECK (" + column + " IS NOT NULL) already proves it (PG 12+).",
                        "alter table " + t + " add constraint " + column + "_not_null check (" + column
                                + " is not null) not valid;\nalter table " + t + " validate constraint " + column
                                + "_not_null;\nalter table " + t + " alter column " + column + " set not null;  -- no scan now\n"
                                + "alter table " + t + " drop constraint " + column + "_not_null;");
            } else if (s.wordsAt(rest, "drop", "not", "null")) {
                ctx.reportOn(t, Rules.BAN_DROP_NOT_NULL, s, rest, lock,
                        "Readers of " + t + "." + column + " may rely on it never being null; old application versions "
                                + "break on the first null.",
                        "Ship readers that handle null first, then drop NOT NULL in a later release.");
            } else if (s.word(rest).equals("type") || s.wordsAt(rest, "set", "data", "type")) {
                int typeAt = rest + (s.word(rest).equals("type") ? 1 : 3);
                int typeEnd = s.find(typeAt, "using") >= 0 && s.find(typeAt, "using") < a.to() ? s.find(typeAt, "using") : a.to();
                TypeRules.check(s, typeAt, typeEnd, column, ctx);
                ctx.reportOn(t, Rules.CHANGING_COLUMN_TYPE, s, rest, lock,
                        "Changing the type of " + column + " takes ACCESS EXCLUSIVE on " + t + " and, unless the types are "
                                + "binary-coercible (e.g. varchar(n) to text), rewrites the table and its indexes; clients "
                                + "reading the old type may break.",
                        "Add a new column of the new type, backfill it in batches, switch readers and writers, then drop "
                                + "the old column in a later release.");
            }
        } else if (w0.equals("rename") && !at.word(a, 1).equals("constraint")) {
            if (at.word(a, 1).equals("to")) {
                ctx.reportOn(t, Rules.RENAMING_TABLE, s, a.from(), lock,
                        "Every query that names " + t + " fails the moment the rename commits.",
                        "Create the new name as a view over the table (or rename and leave a view with the old name) "
                                + "until all clients use the new name.");
            } else {
                int c = a.from() + (at.word(a, 1).equals("column") ? 2 : 1);
                ctx.reportOn(t, Rules.RENAMING_COLUMN, s, a.from(), lock,
                        "Every query that names " + t + "." + s.nameAt(c) + " fails the moment the rename commits.",
                        "Add the new column, write to both, backfill, move readers, then drop the old one later.");
            }
        } else if (w0.equals("drop") && !Set.of("constraint", "default", "not", "identity", "expression").contains(at.word(a, 1))) {
            int c = a.from() + 1 + (at.word(a, 1).equals("column") ? 1 : 0);
            if (s.wordsAt(c, "if", "exists")) c += 2;
            ctx.reportOn(t, Rules.BAN_DROP_COLUMN, s, a.from(), lock,
                    "Dropping " + t + "." + s.nameAt(c) + " loses its data and breaks every client that still selects "
                            + "or inserts it; it cannot be rolled back with the data.",
                    "Stop using the column in all clients first, keep a backup copy if the data matters, and drop it in "
                            + "a later release.");
        }
    }

    private static void addColumn(AlterTable at, ColumnDef def, String lock, LintContext ctx) {
        Statement s = at.s();
        String t = at.table();
        TypeRules.check(s, def.typeFrom(), def.typeTo(), def.name(), ctx);
        boolean serial = s.word(def.typeFrom()).endsWith("serial") || s.word(def.typeFrom()).matches("serial\\d");
        if (def.notNull() >= 0 && def.defaultAt() < 0 && def.generated() < 0 && !serial) {
            ctx.reportOn(t, Rules.ADDING_REQUIRED_FIELD, s, def.notNull(), lock,
                    "A NOT NULL column without a default fails with \"contains null values\" on any populated table, and "
                            + "old clients that insert without it break.",
                    "alter table " + t + " add column " + def.name() + " " + def.typeText() + " default <constant> not null;"
                            + "  -- constant defaults need no rewrite since PG 11");
        }
        String volatileCall = def.defaultAt() >= 0 ? volatileCall(s, def.defaultAt() + 1, def.defaultEnd()) : null;
        boolean rewrite = volatileCall != null || serial || def.identity() || def.generated() >= 0 && def.stored();
        if (rewrite) {
            String what = volatileCall != null ? (VOLATILE.contains(volatileCall) ? "the default " + volatileCall + "() is volatile, so"
                    : "the default calls " + volatileCall + "(), which is not a built-in stable function (the shadow "
                    + "measures whether it rewrites); if it is volatile,")
                    : def.identity() || serial ? "an identity or serial column draws a sequence value per row, so"
                    : "a stored generated column is computed for every row, so";
            ctx.reportOn(t, Rules.ADDING_FIELD_WITH_DEFAULT, s, def.defaultAt() >= 0 ? def.defaultAt() : def.generated() >= 0
                            ? def.generated() : def.typeFrom(), lock,
                    "Adding " + def.name() + ": " + what + " PostgreSQL rewrites all of " + t + " under ACCESS EXCLUSIVE.",
                    "alter table " + t + " add column " + def.name() + " " + def.typeText() + ";  -- no default: instant\n"
                            + "alter table " + t + " alter column " + def.name() + " set default …;  -- future rows only\n"
                            + "-- then backfill existing rows in batches");
        }
    }

    /** The first function call in tokens [from, to) that is not known to be non-volatile, or null. */
    static @org.jspecify.annotations.Nullable String volatileCall(Statement s, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            Token t = s.token(i);
            if (t.kind() == Token.Kind.WORD && s.token(i + 1).isPunct("(") && !NON_VOLATILE.contains(t.value())) {
                return t.value();
            }
        }
        return null;
    }
}
