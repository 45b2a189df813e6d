package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.internal.AlterTable.Action;

/** ALTER TABLE … ADD CONSTRAINT: validation scans, foreign keys, unique and primary keys built under lock. */
final class ConstraintRules {

    private ConstraintRules() {
    }

    static void check(AlterTable at, Action a, LintContext ctx) {
        Statement s = at.s();
        String t = at.table();
        String lock = at.lockDescription();
        if (at.word(a, 0).equals("drop") && at.word(a, 1).equals("constraint") && s.wordsAt(a.from() + 2, "if", "exists")) {
            ctx.constraintDroppedIfExists(s.nameAt(a.from() + 4));
        }
        boolean fk = at.find(a, "foreign", "key") >= 0 || at.isAddConstraint(a) && at.find(a, "references") >= 0;
        boolean addColumnFk = at.addedColumn(a) >= 0 && at.find(a, "references") >= 0;
        if (!at.isAddConstraint(a) && !addColumnFk) return;
        boolean notValid = at.find(a, "not", "valid") >= 0;
        String name = at.word(a, 1).equals("constraint") ? s.nameAt(a.from() + 2) : t + "_new_constraint";
        boolean check = at.find(a, "check") >= 0 && !at.word(a, 1).equals("unique");
        if ((fk || check || addColumnFk) && !notValid) {
            ctx.reportOn(t, Rules.CONSTRAINT_MISSING_NOT_VALID, s, a.from(), lock,
                    "Without NOT VALID, PostgreSQL checks every existing row while holding the lock, so writes"
                            + (fk ? "" : " and reads") + " on " + t + " wait for a full table scan.",
                    "alter table " + t + " add constraint " + name + " … not valid;\n"
                            + "-- separate migration or after commit:\nalter table " + t + " validate constraint " + name
                            + ";  -- takes only SHARE UPDATE EXCLUSIVE");
        }
        if ((fk || addColumnFk) && !notValid) {
            String ref = at.referencedTable(a);
            ctx.reportOn(t, Rules.ADDING_FOREIGN_KEY, s, a.from(), lock,
                    "Adding a foreign key takes SHARE ROW EXCLUSIVE on both " + t + " and " + ref
                            + ", blocking writes to both while every row is checked.",
                    "Add it NOT VALID (a short lock, no scan), then VALIDATE CONSTRAINT in a separate transaction; "
                            + "make sure the referencing columns are indexed (CREATE INDEX CONCURRENTLY) first.");
        }
        boolean usingIndex = at.find(a, "using", "index") >= 0;
        if (at.find(a, "unique") >= 0 && !usingIndex) {
            ctx.reportOn(t, Rules.DISALLOWED_UNIQUE_CONSTRAINT, s, at.find(a, "unique"), lock,
                    "ADD UNIQUE builds its index while holding ACCESS EXCLUSIVE on " + t + ": no reads or writes for "
                            + "the whole build.",
                    "create unique index concurrently " + name + "_idx on " + t + " (…);\nalter table " + t
                            + " add constraint " + name + " unique using index " + name + "_idx;");
        }
        if (at.find(a, "primary", "key") >= 0 && !usingIndex) {
            ctx.reportOn(t, Rules.ADDING_PRIMARY_KEY, s, at.find(a, "primary", "key"), lock,
                    "ADD PRIMARY KEY builds a unique index (and sets NOT NULL, scanning the table) under ACCESS "
                            + "EXCLUSIVE on " + t + ".",
                    "create unique index concurrently " + t + "_pkey_idx on " + t + " (…);\n"
                            + "-- ensure the columns are NOT NULL via a validated CHECK (… is not null) first\n"
                            + "alter table " + t + " add constraint " + t + "_pkey primary key using index " + t + "_pkey_idx;");
        }
    }
}
