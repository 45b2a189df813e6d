package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.Severity;

/** Transaction control, lock/statement timeouts and re-runnability. */
final class TransactionRules {

    private TransactionRules() {
    }

    static void before(Statement s, LintContext ctx) {
        boolean begin = s.startsWith("begin") && !s.word(1).equals("atomic") || s.startsWith("start", "transaction");
        boolean end = s.startsWith("commit") || s.startsWith("end") || s.startsWith("abort")
                || s.startsWith("rollback") && !s.contains("to");
        if (begin) {
            if (ctx.inTransaction()) {
                ctx.report(Rules.TRANSACTION_NESTING, s, 0, "none",
                        ctx.explicitTransaction ? "A transaction is already open: PostgreSQL warns and ignores this BEGIN, so "
                                + "a later COMMIT commits more than intended."
                                : "The migration already runs in a transaction (Flyway's); this BEGIN is ignored and "
                                + "its COMMIT would end the tool's transaction early, leaving the rest outside it.",
                        "Remove BEGIN/COMMIT and let the migration tool own the transaction.");
            }
            ctx.explicitTransaction = true;
            ctx.explicitBeginIndex = s.index();
        } else if (end) {
            if (ctx.assumeInTransaction) {
                ctx.report(Rules.TRANSACTION_NESTING, s, 0, "none",
                        "Committing inside a migration that runs in a transaction ends the tool's transaction: the "
                                + "statements after it run outside it and a failure leaves the migration half applied.",
                        "Remove the COMMIT/ROLLBACK and let the migration tool own the transaction.");
            }
            ctx.explicitTransaction = false;
        }
        if (s.startsWith("set") || s.startsWith("select") || s.startsWith("reset")) {
            for (Token t : s.tokens()) {
                String v = t.kind() == Token.Kind.STRING ? t.value().replace("'", "").toLowerCase(java.util.Locale.ROOT) : t.value();
                if (v.equals("lock_timeout")) ctx.lockTimeoutSet = !s.startsWith("reset");
                if (v.equals("statement_timeout")) ctx.statementTimeoutSet = !s.startsWith("reset");
            }
        }
    }

    static void timeouts(Statement s, LintContext ctx) {
        Locks.Lock lock = Locks.of(s);
        if (lock == null || ctx.lockTimeoutSet && ctx.statementTimeoutSet) return;
        boolean newTable = !lock.table().isEmpty() && ctx.isNewTable(lock.table());
        Severity severity = newTable ? Severity.INFO : Severity.WARNING;
        if (ctx.timeoutReported == Severity.WARNING || ctx.timeoutReported == Severity.INFO && newTable) return;
        ctx.timeoutReported = severity;
        String missing = !ctx.lockTimeoutSet && !ctx.statementTimeoutSet ? "lock_timeout and statement_timeout are"
                : !ctx.lockTimeoutSet ? "lock_timeout is" : "statement_timeout is";
        ctx.report(Rules.REQUIRE_TIMEOUT_SETTINGS, severity, s, 0, lock.description(),
                (newTable ? "The table is new in this migration, so waiting is unlikely; still, " : "")
                        + missing + " not set before the first locking statement: while it waits behind a long query "
                        + "for " + lock.description() + ", every other query on the table queues behind it.",
                (ctx.lockTimeoutSet ? "" : "set lock_timeout = '2s';\n") + (ctx.statementTimeoutSet ? "" : "set statement_timeout = '5min';\n")
                        + "-- at the top of the migration; retry on lock timeout");
    }

    static void robust(Statement s, LintContext ctx) {
        boolean concurrently = s.contains("concurrently");
        if (ctx.inTransaction() && !concurrently) return;
        String why = "Outside a transaction, a migration that fails half way leaves this statement applied; re-running it "
                + "then fails instead of continuing.";
        int on = IndexRules.createIndexTable(s);
        if (on >= 0 && !s.contains("if", "not", "exists")) {
            ctx.report(Rules.PREFER_ROBUST_STMTS, s, 0, Locks.describe(s), why, "create index concurrently if not exists …");
        } else if ((s.startsWith("create", "table") || s.startsWith("create", "unlogged", "table"))
                && !s.contains("if", "not", "exists")) {
            ctx.report(Rules.PREFER_ROBUST_STMTS, s, 0, "none", why, "create table if not exists …");
        } else if ((s.startsWith("drop", "table") || s.startsWith("drop", "index")) && !s.contains("if", "exists")) {
            ctx.report(Rules.PREFER_ROBUST_STMTS, s, 0, Locks.describe(s), why, "drop … if exists …");
        }
        AlterTable at = AlterTable.parse(s);
        if (at == null) return;
        for (AlterTable.Action a : at.actions()) {
            String w0 = at.word(a, 0);
            boolean fragile = at.addedColumn(a) >= 0 && !s.wordsAt(a.from() + 1, "if", "not", "exists")
                    && !s.wordsAt(a.from() + 2, "if", "not", "exists")
                    || at.isAddConstraint(a) && !(at.word(a, 1).equals("constraint") && ctx.wasDroppedIfExists(s.nameAt(a.from() + 2)))
                    || w0.equals("drop") && at.find(a, "if", "exists") < 0 && !at.word(a, 1).matches("default|not|identity|expression")
                    || w0.equals("rename");
            if (fragile) {
                ctx.report(Rules.PREFER_ROBUST_STMTS, s, a.from(), at.lockDescription(), why,
                        "add column if not exists / drop … if exists / drop constraint if exists before add constraint");
                return;
            }
        }
    }

    static void atEnd(Statement last, LintContext ctx) {
        if (ctx.explicitTransaction && !ctx.assumeInTransaction) {
            ctx.report(Rules.BAN_UNCOMMITTED_TRANSACTION, last, 0, "every lock taken since BEGIN, held until the session ends",
                    "A BEGIN at statement " + ctx.explicitBeginIndex + " is never committed: depending on the tool the "
                            + "changes are rolled back or the locks stay held.",
                    "commit;  -- at the end of the migration");
        }
    }
}
