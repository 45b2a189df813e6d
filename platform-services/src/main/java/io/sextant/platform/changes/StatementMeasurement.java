package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL reported for one statement on the shadow.
 *
 * @param index          zero-based statement index
 * @param sql            the statement as sent
 * @param concurrent     it ran outside a transaction (CONCURRENTLY and the like); locks were sampled while it ran
 * @param durationMillis wall time of the statement (for transactional statements: the time it held its locks before commit)
 * @param locks          relation locks held by its backend, from {@code pg_locks} seen by a second session
 * @param rewritten      relations whose {@code pg_class.relfilenode} changed (a table or index rewrite)
 * @param catalogChanges the DDL effect, as catalog snapshot differences before/after the statement
 * @param projection     lock time projected onto the live table size, when the statement blocks writes
 */
public record StatementMeasurement(int index, String sql, boolean concurrent, double durationMillis,
                                   List<ObservedLock> locks, List<String> rewritten, List<String> catalogChanges,
                                   @Nullable LockProjection projection) {

    public StatementMeasurement {
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
        catalogChanges = List.copyOf(catalogChanges);
    }

    /** The strongest lock on an existing relation, e.g. {@code ACCESS EXCLUSIVE}, or null. */
    public @Nullable ObservedLock strongestLock() {
        return locks.stream().filter(ObservedLock::granted).max(java.util.Comparator.comparingInt(ObservedLock::strength)).orElse(null);
    }

    /**
     * One lock seen in {@code pg_locks}.
     *
     * @param relation schema-qualified name
     * @param mode     e.g. {@code ACCESS EXCLUSIVE}
     */
    public record ObservedLock(String relation, String mode, boolean granted) {

        static final List<String> ORDER = List.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
                "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

        /** 0 (ACCESS SHARE) … 7 (ACCESS EXCLUSIVE). */
        public int strength() {
            return ORDER.indexOf(mode);
        }

        /** SHARE and stronger block INSERT/UPDATE/DELETE: that is the lock time that matters. */
        public boolean blocksWrites() {
            return strength() >= ORDER.indexOf("SHARE");
        }
    }
}
