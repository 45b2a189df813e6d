package io.sextant.platform.changes.internal;

/** CREATE / DROP / REINDEX of indexes: CONCURRENTLY outside transactions. */
final class IndexRules {

    private IndexRules() {
    }

    /** Lock description for index statements, or null if {@code s} is none. */
    static @org.jspecify.annotations.Nullable String lock(Statement s) {
        int on = createIndexTable(s);
        if (on >= 0) {
            return (s.contains("concurrently") ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE).on(s.nameAt(on));
        }
        if (s.startsWith("drop", "index")) {
            return (s.word(2).equals("concurrently") ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE)
                    .on("the table of index " + s.nameAt(indexNameAfterDrop(s)));
        }
        if (s.startsWith("reindex")) {
            return s.contains("concurrently") ? LockMode.SHARE_UPDATE_EXCLUSIVE.on("the reindexed table")
                    : LockMode.SHARE.on("the reindexed table") + ", ACCESS EXCLUSIVE on the index";
        }
        return null;
    }

    /** Index of the table name in CREATE [UNIQUE] INDEX … ON [ONLY] table, or -1. */
    static int createIndexTable(Statement s) {
        if (!s.startsWith("create", "index") && !s.startsWith("create", "unique", "index")) return -1;
        int on = s.find(0, "on");
        if (on < 0) return -1;
        return s.word(on + 1).equals("only") ? on + 2 : on + 1;
    }

    private static int indexNameAfterDrop(Statement s) {
        int i = 2;
        if (s.word(i).equals("concurrently")) i++;
        if (s.wordsAt(i, "if", "exists")) i += 2;
        return i;
    }

    static void check(Statement s, LintContext ctx) {
        int on = createIndexTable(s);
        boolean concurrently = s.contains("concurrently");
        String lock = lock(s);
        if (lock == null) return;
        if (concurrently && ctx.inTransaction()) {
            ctx.report(Rules.BAN_CONCURRENT_INDEX_IN_TRANSACTION, s, s.find(0, "concurrently"), lock,
                    "CONCURRENTLY cannot run inside a transaction block: the migration fails with \"cannot run inside a "
                            + "transaction block\" (Flyway runs each migration in a transaction unless told otherwise).",
                    "Put this statement in its own migration that runs outside a transaction (Flyway: a non-transactional "
                            + "migration, e.g. executeInTransaction=false in its .conf), with nothing else in it.");
        }
        if (on >= 0 && !concurrently) {
            String table = s.nameAt(on);
            ctx.reportOn(table, Rules.REQUIRE_CONCURRENT_INDEX_CREATION, s, 0, lock,
                    "CREATE INDEX holds SHARE on " + table + " for the whole build: inserts, updates and deletes wait, "
                            + "for minutes on a large table.",
                    s.source(0, s.size() - 1).replaceFirst("(?i)\\bindex\\b", "index concurrently")
                            + ";  -- outside a transaction; check for an INVALID index if it fails");
        }
        if (s.startsWith("drop", "index") && !concurrently) {
            ctx.report(Rules.REQUIRE_CONCURRENT_INDEX_DELETION, s, 0, lock,
                    "DROP INDEX takes ACCESS EXCLUSIVE on the index's table; while it waits for running queries, every "
                            + "new query on the table queues behind it.",
                    s.source(0, s.size() - 1).replaceFirst("(?i)\\bindex\\b", "index concurrently")
                            + ";  -- outside a transaction, one index per statement");
        }
    }
}
