package io.sextant.platform.changes.internal;

/** DROP TABLE / DATABASE and TRUNCATE: data loss. */
final class DropRules {

    private DropRules() {
    }

    static void check(Statement s, LintContext ctx) {
        if (s.startsWith("drop", "table")) {
            int i = s.wordsAt(2, "if", "exists") ? 4 : 2;
            String table = s.nameAt(i);
            ctx.reportOn(table, Rules.BAN_DROP_TABLE, s, 0, LockMode.ACCESS_EXCLUSIVE.on(table),
                    "Dropping " + table + " loses its data, breaks every client that uses it and cannot be rolled back "
                            + "once committed.",
                    "Stop all reads and writes first; rename it (or move it to an archive schema) and drop it in a later "
                            + "release once nothing has touched it.");
        } else if (s.startsWith("drop", "database")) {
            int i = s.wordsAt(2, "if", "exists") ? 4 : 2;
            ctx.report(Rules.BAN_DROP_DATABASE, s, 0, "exclusive use of database " + s.nameAt(i)
                            + " (no other sessions; cannot run in a transaction)",
                    "Dropping a database removes all of its data irreversibly; it never belongs in a schema migration.",
                    "Drop databases through the tenancy lifecycle (with its backup and approval), not in a migration.");
        } else if (s.startsWith("truncate")) {
            int i = 1;
            if (s.word(i).equals("table")) i++;
            if (s.word(i).equals("only")) i++;
            String table = s.nameAt(i);
            String lock = LockMode.ACCESS_EXCLUSIVE.on(table);
            if (s.contains("cascade")) {
                ctx.report(Rules.BAN_TRUNCATE_CASCADE, s, s.find(0, "cascade"), lock + " and every referencing table",
                        "CASCADE also empties every table with a foreign key to " + table + ", recursively, which may be far "
                                + "more than intended.",
                        "Truncate (or delete from) the referencing tables explicitly by name, then " + table + ".");
            } else {
                ctx.reportOn(table, Rules.BAN_TRUNCATE, s, 0, lock,
                        "TRUNCATE deletes every row of " + table + " under ACCESS EXCLUSIVE; it is not MVCC-safe for "
                                + "concurrent snapshots.",
                        "delete from " + table + " where …;  -- in batches, if only some rows must go");
            }
        }
    }
}
