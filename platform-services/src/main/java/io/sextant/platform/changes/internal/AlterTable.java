package io.sextant.platform.changes.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action …]} split into its actions, each
 * with the lock it takes (PostgreSQL 18 docs, ALTER TABLE: "an ACCESS EXCLUSIVE lock is acquired
 * unless explicitly noted").
 */
record AlterTable(Statement s, String table, List<Action> actions) {

    /** One action: tokens [from, to) of the statement. */
    record Action(int from, int to) {
    }

    static @Nullable AlterTable parse(Statement s) {
        if (!s.startsWith("alter", "table") || s.wordsAt(2, "all", "in")) return null;
        int i = 2;
        if (s.wordsAt(i, "if", "exists")) i += 2;
        if (s.wordsAt(i, "only")) i++;
        int nameStart = i;
        i = s.skipName(i);
        if (i == nameStart) return null;
        String table = s.nameAt(nameStart);
        if (i < s.size() && s.token(i).isPunct("*")) i++;
        List<Action> actions = new ArrayList<>();
        int depth = 0;
        int from = i;
        for (int k = i; k < s.size(); k++) {
            if (s.token(k).isPunct("(")) depth++;
            else if (s.token(k).isPunct(")")) depth--;
            else if (depth == 0 && s.token(k).isPunct(",")) {
                actions.add(new Action(from, k));
                from = k + 1;
            }
        }
        if (from < s.size()) actions.add(new Action(from, s.size()));
        return new AlterTable(s, table, actions);
    }

    String word(Action a, int offset) {
        return a.from + offset < a.to ? s.word(a.from + offset) : "";
    }

    /** Index of {@code words} inside the action at depth 0 relative to the statement, or -1. */
    int find(Action a, String... words) {
        int i = s.find(a.from, words);
        return i >= 0 && i < a.to ? i : -1;
    }

    boolean isAddConstraint(Action a) {
        if (!word(a, 0).equals("add")) return false;
        String w = word(a, 1);
        return w.equals("constraint") || w.equals("primary") || w.equals("unique") || w.equals("check")
                || w.equals("foreign") || w.equals("exclude");
    }

    /** Index of the column name after ADD [COLUMN] [IF NOT EXISTS], or -1 if this is not an ADD COLUMN. */
    int addedColumn(Action a) {
        if (!word(a, 0).equals("add") || isAddConstraint(a)) return -1;
        int i = a.from + 1;
        if (s.word(i).equals("column")) i++;
        if (s.wordsAt(i, "if", "not", "exists")) i += 3;
        return i < a.to ? i : -1;
    }

    /** The referenced table of a FOREIGN KEY or REFERENCES in the action, or null. */
    @Nullable String referencedTable(Action a) {
        for (int i = a.from; i < a.to; i++) {
            if (s.word(i).equals("references")) return s.nameAt(i + 1);
        }
        return null;
    }

    LockMode lock(Action a) {
        String w0 = word(a, 0);
        String w1 = word(a, 1);
        if (w0.equals("validate")) return LockMode.SHARE_UPDATE_EXCLUSIVE;
        if (w0.equals("add") && find(a, "foreign", "key") >= 0) return LockMode.SHARE_ROW_EXCLUSIVE;
        if ((w0.equals("enable") || w0.equals("disable")) && (w1.equals("trigger")
                || (w1.equals("replica") || w1.equals("always")) && word(a, 2).equals("trigger"))) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        if (w0.equals("set") && (s.token(a.from + 1).isPunct("(") || w1.equals("without") && word(a, 2).equals("cluster"))) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (w0.equals("reset") || w0.equals("cluster") || w0.equals("attach")
                || w0.equals("detach") && find(a, "concurrently") >= 0) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (w0.equals("alter") && find(a, "set", "statistics") >= 0) return LockMode.SHARE_UPDATE_EXCLUSIVE;
        return LockMode.ACCESS_EXCLUSIVE;
    }

    /** The statement's lock: the strongest of its actions, plus the referenced tables of new foreign keys. */
    String lockDescription() {
        LockMode mode = LockMode.ACCESS_SHARE;
        StringBuilder others = new StringBuilder();
        for (Action a : actions) {
            mode = mode.max(lock(a));
            String ref = referencedTable(a);
            if (ref != null) others.append(", SHARE ROW EXCLUSIVE on ").append(ref);
        }
        return mode.on(table) + others;
    }
}
