package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.LockProjection.CalibrationPoint;
import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementMeasurement;
import io.sextant.platform.changes.StatementMeasurement.ObservedLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects each write-blocking statement's lock time onto the live table size: the whole script
 * is re-run on fresh shadows holding k rows per table for each calibration size k below the live
 * size, and a line is fitted through (k, millis) per statement. A table small enough to be copied
 * whole was measured at full size and needs no extrapolation.
 */
final class Calibrator {

    private Calibrator() {
    }

    static List<StatementMeasurement> project(ShadowServers servers, ChangeTarget target, SchemaSnapshot snapshot, Connection live,
                                              List<SqlStatement> statements, List<StatementMeasurement> measured,
                                              Map<String, Long> liveRows, ShadowOptions options,
                                              ShadowProgressListener listener, List<String> notes) {
        Map<Integer, String> locked = new HashMap<>();
        long maxLive = 0;
        for (StatementMeasurement m : measured) {
            ObservedLock l = m.locks().stream().filter(x -> x.granted() && x.blocksWrites() && liveRows.containsKey(x.relation()))
                    .max(java.util.Comparator.comparingInt(ObservedLock::strength)).orElse(null);
            if (l != null) {
                locked.put(m.index(), l.relation());
                maxLive = Math.max(maxLive, liveRows.get(l.relation()));
            }
        }
        if (locked.isEmpty()) {
            return measured;
        }
        Map<Integer, List<CalibrationPoint>> points = new HashMap<>();
        for (StatementMeasurement m : measured) {
            String rel = locked.get(m.index());
            if (rel != null) {
                points.computeIfAbsent(m.index(), k -> new ArrayList<>())
                        .add(new CalibrationPoint(Math.min(liveRows.get(rel), options.rowCap()), m.durationMillis()));
            }
        }
        final long biggest = maxLive;
        List<Integer> sizes = options.calibrationSizes().stream().filter(k -> k < biggest && k != options.rowCap()).toList();
        int step = 0;
        for (int k : sizes) {
            listener.progress("calibrate", ++step, sizes.size(), k + " rows per table");
            try {
                Map<Integer, Double> times = runAt(servers, target, snapshot, live, statements, measured.size(), k);
                times.forEach((i, ms) -> {
                    String rel = locked.get(i);
                    if (rel != null && liveRows.get(rel) > k) {
                        points.get(i).add(new CalibrationPoint(k, ms));
                    }
                });
            } catch (SQLException e) {
                notes.add("calibration at " + k + " rows failed: " + e.getMessage());
            }
        }
        List<StatementMeasurement> out = new ArrayList<>();
        for (StatementMeasurement m : measured) {
            String rel = locked.get(m.index());
            if (rel == null) {
                out.add(m);
                continue;
            }
            List<CalibrationPoint> ps = points.get(m.index()).stream()
                    .sorted(java.util.Comparator.comparingLong(CalibrationPoint::rows)).toList();
            out.add(new StatementMeasurement(m.index(), m.sql(), m.concurrent(), m.durationMillis(), m.locks(), m.rewritten(),
                    m.catalogChanges(), LockProjector.project(rel, liveRows.get(rel), ps)));
        }
        return out;
    }

    /** Statement index → wall time, for the first {@code count} statements on a shadow with k rows per table. */
    private static Map<Integer, Double> runAt(ShadowServers servers, ChangeTarget target, SchemaSnapshot snapshot, Connection live,
                                              List<SqlStatement> statements, int count, int k) throws SQLException {
        Map<Integer, Double> out = new HashMap<>();
        try (ShadowDatabase shadow = ShadowDatabase.create(servers, live, target.schemas())) {
            shadow.build(snapshot, live, k, false, ShadowProgressListener.NONE);
            try (Connection w = SearchPath.set(shadow.connect(), target); Connection o = shadow.connect();
                 StatementRunner runner = new StatementRunner(w, o, java.time.Duration.ofMinutes(30))) {
                for (int i = 0; i < count; i++) {
                    out.put(i, runner.time(statements.get(i)));
                }
            }
        }
        return out;
    }
}
