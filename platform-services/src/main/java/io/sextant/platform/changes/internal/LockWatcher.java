package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.StatementMeasurement.ObservedLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads, from a second session, the relation locks another backend holds ({@code pg_locks}), and
 * the relfilenode of every user relation (a changed relfilenode on the same oid is a rewrite).
 * Only relations that existed before the statement have names here (a second session cannot see
 * uncommitted catalog rows), which is exactly the set whose locks can block other sessions.
 */
final class LockWatcher {

    private static final String LOCKS = """
            select n.nspname || '.' || c.relname, l.mode, l.granted from pg_locks l
            join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
            where l.pid = ? and l.locktype = 'relation' and l.relation >= 16384
              and l.database = (select oid from pg_database where datname = current_database())
              and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'""";

    private final Connection observer;

    LockWatcher(Connection observer) {
        this.observer = observer;
    }

    /** Adds the locks {@code pid} holds now to {@code into}. */
    void sample(int pid, Set<ObservedLock> into) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement(LOCKS)) {
            ps.setInt(1, pid);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    into.add(new ObservedLock(r.getString(1), label(r.getString(2)), r.getBoolean(3)));
                }
            }
        }
    }

    Set<ObservedLock> locks(int pid) throws SQLException {
        Set<ObservedLock> out = new LinkedHashSet<>();
        sample(pid, out);
        return out;
    }

    /** relation name → relfilenode, for every user table, index, sequence and materialized view. */
    Map<String, Long> relfilenodes() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = observer.prepareStatement("""
                select c.oid, n.nspname || '.' || c.relname, c.relfilenode from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.oid >= 16384 and c.relkind in ('r', 'i', 'm', 'S', 't')
                  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
                  and n.nspname not like 'pg_temp%'""");
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.put(r.getLong(1) + " " + r.getString(2), r.getLong(3));
            }
        }
        return out;
    }

    /** "AccessExclusiveLock" → "ACCESS EXCLUSIVE". */
    static String label(String mode) {
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
