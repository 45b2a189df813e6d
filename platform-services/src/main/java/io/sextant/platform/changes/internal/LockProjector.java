package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.LockProjection;
import io.sextant.platform.changes.LockProjection.CalibrationPoint;
import java.util.List;

/**
 * Ordinary least squares {@code millis = a + b·rows} through calibration points, extrapolated to
 * the live row count, with the half-width of a ~95% prediction interval
 * ({@code t · s · sqrt(1 + 1/n + (x0 − x̄)² / Sxx)}). Rewrites and index builds scale about
 * linearly in rows (sorts add a log factor, which the error bars absorb at these ranges). See D008.
 */
public final class LockProjector {

    // two-sided 95% Student t for 1..5 degrees of freedom; beyond that ~2
    private static final double[] T95 = {12.71, 4.30, 3.18, 2.78, 2.57};

    private LockProjector() {
    }

    public static LockProjection project(String relation, long liveRows, List<CalibrationPoint> points) {
        int n = points.size();
        if (n == 0) {
            return new LockProjection(relation, liveRows, 0, -1, points);
        }
        CalibrationPoint exact = points.stream().filter(p -> p.rows() == liveRows).findFirst().orElse(null);
        if (exact != null || n == 1) {
            // measured at the live size itself: no extrapolation, or a single point scaled proportionally
            CalibrationPoint p = exact != null ? exact : points.getFirst();
            double millis = exact != null ? p.millis() : p.millis() * liveRows / Math.max(1, p.rows());
            return new LockProjection(relation, liveRows, millis, exact != null ? 0 : -1, points);
        }
        double mx = points.stream().mapToDouble(CalibrationPoint::rows).average().orElseThrow();
        double my = points.stream().mapToDouble(CalibrationPoint::millis).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (CalibrationPoint p : points) {
            sxx += (p.rows() - mx) * (p.rows() - mx);
            sxy += (p.rows() - mx) * (p.millis() - my);
        }
        double b = sxx == 0 ? 0 : sxy / sxx;
        double a = my - b * mx;
        double y0 = Math.max(0, a + b * liveRows);
        if (n < 3 || sxx == 0) {
            return new LockProjection(relation, liveRows, y0, -1, points);
        }
        double sse = 0;
        for (CalibrationPoint p : points) {
            double r = p.millis() - (a + b * p.rows());
            sse += r * r;
        }
        double s = Math.sqrt(sse / (n - 2));
        double t = n - 2 <= T95.length ? T95[n - 3] : 2.0;
        double err = t * s * Math.sqrt(1 + 1.0 / n + (liveRows - mx) * (liveRows - mx) / sxx);
        return new LockProjection(relation, liveRows, y0, err, points);
    }
}
