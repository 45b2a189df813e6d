package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The live schema of a target against the snapshot recorded after its last applied change.
 *
 * @param baselineVersion the version whose post-apply snapshot is the expectation; null when no
 *                        change was ever applied through the board (then there is nothing to compare)
 * @param items           each differing object, as DDL
 */
public record DriftReport(String targetId, @Nullable Integer baselineVersion, List<DriftItem> items) {

    public DriftReport {
        items = List.copyOf(items);
    }

    public boolean drifted() {
        return !items.isEmpty();
    }

    /**
     * @param kind UNEXPECTED: in the live schema only; MISSING: expected but absent; CHANGED: different
     * @param ddl  UNEXPECTED and CHANGED: the live object's DDL; MISSING: the expected DDL (what would recreate it)
     * @param expectedDdl what the applied changes produced, if anything
     */
    public record DriftItem(String key, Kind kind, String ddl, @Nullable String expectedDdl) {
        public enum Kind { UNEXPECTED, MISSING, CHANGED }
    }
}
