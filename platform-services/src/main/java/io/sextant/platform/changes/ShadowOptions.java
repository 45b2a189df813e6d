package io.sextant.platform.changes;

import java.time.Duration;
import java.util.List;

/**
 * How a shadow is built and measured.
 *
 * @param rowCap           rows copied per table into the measured shadow
 * @param calibrationSizes row counts at which blocking statements are re-measured to project lock
 *                         time onto the live table size (sizes above the live row count are skipped)
 * @param statementTimeout per statement on the shadow
 * @param copyStatistics   copy the live planner statistics into the shadow (PostgreSQL 18's
 *                         {@code pg_restore_relation_stats}/{@code pg_restore_attribute_stats})
 */
public record ShadowOptions(int rowCap, List<Integer> calibrationSizes, Duration statementTimeout, boolean copyStatistics) {

    public ShadowOptions {
        calibrationSizes = List.copyOf(calibrationSizes);
    }

    public static ShadowOptions defaults() {
        return new ShadowOptions(10_000, List.of(1_000, 10_000, 100_000), Duration.ofMinutes(10), true);
    }

    public ShadowOptions withRowCap(int cap) {
        return new ShadowOptions(cap, calibrationSizes, statementTimeout, copyStatistics);
    }

    public ShadowOptions withCalibrationSizes(List<Integer> sizes) {
        return new ShadowOptions(rowCap, sizes, statementTimeout, copyStatistics);
    }
}
