package io.sextant.platform.changes.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The table lock a statement takes, per the PostgreSQL 18 docs (13.3.1 "Table-Level Locks" and
 * each command's page). Only locks on existing relations count; CREATE TABLE locks nothing that
 * others use (except SHARE ROW EXCLUSIVE on tables its foreign keys reference).
 */
final class Locks {

    /** The relation a lock is taken on, and a description of it. */
    record Lock(String table, String description) {
    }

    private Locks() {
    }

    static @Nullable Lock of(Statement s) {
        AlterTable at = AlterTable.parse(s);
        if (at != null) return new Lock(at.table(), at.lockDescription());
        String index = IndexRules.lock(s);
        if (index != null) {
            int on = IndexRules.createIndexTable(s);
            return new Lock(on >= 0 ? s.nameAt(on) : "", index);
        }
        if (s.startsWith("drop", "table")) {
            String t = s.nameAt(s.wordsAt(2, "if", "exists") ? 4 : 2);
            return new Lock(t, LockMode.ACCESS_EXCLUSIVE.on(t));
        }
        if (s.startsWith("truncate")) {
            int i = s.word(1).equals("table") ? 2 : 1;
            if (s.word(i).equals("only")) i++;
            return new Lock(s.nameAt(i), LockMode.ACCESS_EXCLUSIVE.on(s.nameAt(i)));
        }
        if (s.startsWith("create", "trigger") || s.startsWith("create", "or", "replace", "trigger")
                || s.startsWith("create", "constraint", "trigger")) {
            int on = s.find(0, "on");
            return on < 0 ? null : new Lock(s.nameAt(on + 1), LockMode.SHARE_ROW_EXCLUSIVE.on(s.nameAt(on + 1)));
        }
        if ((s.startsWith("create", "policy") || s.startsWith("alter", "policy") || s.startsWith("drop", "policy"))) {
            int on = s.find(0, "on");
            return on < 0 ? null : new Lock(s.nameAt(on + 1), LockMode.ACCESS_EXCLUSIVE.on(s.nameAt(on + 1)));
        }
        if (s.startsWith("vacuum") && s.contains("full") || s.startsWith("cluster")) {
            return new Lock("", LockMode.ACCESS_EXCLUSIVE.on("each processed table"));
        }
        if (s.startsWith("refresh", "materialized", "view")) {
            boolean conc = s.word(3).equals("concurrently");
            String v = s.nameAt(conc ? 4 : 3);
            return new Lock(v, (conc ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE).on(v));
        }
        if (s.startsWith("lock")) {
            int i = s.word(1).equals("table") ? 2 : 1;
            if (s.word(i).equals("only")) i++;
            int in = s.find(0, "in");
            int mode = s.find(0, "mode");
            String label = in >= 0 && mode > in ? s.source(in + 1, mode - 1).toUpperCase(Locale.ROOT) : "ACCESS EXCLUSIVE";
            return new Lock(s.nameAt(i), label + " on " + s.nameAt(i));
        }
        return null;
    }

    /** The lock a finding reports for a statement: its table lock, or "none". */
    static String describe(Statement s) {
        Lock l = of(s);
        return l == null ? "none (no lock on an existing table)" : l.description();
    }
}
