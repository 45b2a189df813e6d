package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.DriftReport;
import io.sextant.platform.changes.DriftReport.DriftItem;
import io.sextant.platform.changes.DriftService;
import io.sextant.platform.changes.SchemaDifference;
import io.sextant.platform.changes.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Compares the live snapshot with the one recorded after the last apply; both come from the same catalog reader. */
@Service
class DriftServiceImpl implements DriftService {

    private final JooqChangeRepository repo;
    private final ChangeTargets targets;
    private final TransactionTemplate tx;
    private final BoardGate gate;

    DriftServiceImpl(JooqChangeRepository repo, ChangeTargets targets, TransactionTemplate tx, BoardGate gate) {
        this.gate = gate;
        this.repo = repo;
        this.targets = targets;
        this.tx = tx;
    }

    @Override
    public DriftReport drift(String targetId) {
        gate.require("changes.drift.read", targetId, BoardGate.DRIFT_READERS);
        ChangeTarget target = targets.require(targetId);
        var baseline = tx.execute(st -> repo.lastApplied(targetId));
        if (baseline == null || baseline.isEmpty()) {
            return new DriftReport(targetId, null, List.of());
        }
        SchemaSnapshot expected = Json.read(baseline.get().value2().data(), SchemaSnapshot.class);
        try (Connection live = LiveSession.open(target.endpoint())) {
            List<DriftItem> items = expected.diff(SchemaSnapshot.read(live, target.schemas())).stream()
                    .filter(d -> covered(expected, d)).map(DriftServiceImpl::item).toList();
            return new DriftReport(targetId, baseline.get().value1(), items);
        } catch (SQLException e) {
            throw new ChangeRefusedException("target-unavailable", "Cannot read " + targetId + ": " + e.getMessage());
        }
    }

    /**
     * A baseline recorded before a kind was read cannot say whether the live object is drift: such
     * objects are compared from the next applied change on (its snapshot has the current coverage).
     */
    static boolean covered(SchemaSnapshot baseline, SchemaDifference d) {
        return baseline.coverage() >= SchemaSnapshot.COVERAGE || SchemaSnapshot.ADDED_IN_2.stream().noneMatch(d.key()::startsWith);
    }

    private static DriftItem item(SchemaDifference d) {
        return switch (d.kind()) {
            case ADDED -> new DriftItem(d.key(), DriftItem.Kind.UNEXPECTED, d.after(), null);
            case REMOVED -> new DriftItem(d.key(), DriftItem.Kind.MISSING, d.before(), d.before());
            case CHANGED -> new DriftItem(d.key(), DriftItem.Kind.CHANGED, d.after(), d.before());
        };
    }
}
