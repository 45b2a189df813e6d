package io.sextant.platform.changes;

import java.util.List;

/**
 * Lock time projected onto the live table size by a least-squares line through measurements at
 * several row counts (see D008): {@code millis = intercept + slope × rows}.
 *
 * @param relation        the table the statement locks
 * @param liveRows        the live table's {@code reltuples}
 * @param projectedMillis predicted lock time at {@code liveRows}
 * @param errorMillis     half-width of the ~95% prediction interval (0 when measured at full size;
 *                        -1 when it cannot be estimated from the points)
 * @param points          the calibration measurements
 */
public record LockProjection(String relation, long liveRows, double projectedMillis, double errorMillis,
                             List<CalibrationPoint> points) {

    public LockProjection {
        points = List.copyOf(points);
    }

    public record CalibrationPoint(long rows, double millis) {
    }
}
