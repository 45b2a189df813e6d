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
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Compares the live snapshot with the one recorded after the last apply; both come from the same catalog reader. */
@Service
class DriftServiceImpl implements DriftService {

    private final JooqChangeRepository repo;
    private final ChangeTargets targets;
    private final TransactionTemplate tx;
    private final BoardGate gate;
    private final JooqQueueRepository queue;
    private final AuditLog audit;
    private final Clock clock;

    DriftServiceImpl(JooqChangeRepository repo, JooqQueueRepository queue, ChangeTargets targets, TransactionTemplate tx, BoardGate gate,
                     AuditLog audit, Clock clock) {
        this.gate = gate;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
        this.repo = repo;
        this.targets = targets;
        this.tx = tx;
    }

    @Override
    public DriftReport drift(String targetId) {
        String who = gate.require("changes.drift.read", targetId, BoardGate.DRIFT_READERS);
        ChangeTarget target = targets.require(targetId);
        Instant checkedAt = clock.instant();
        var baseline = tx.execute(st -> repo.lastApplied(targetId));
        if (baseline == null || baseline.isEmpty()) {
            release(targetId, who, checkedAt);
            return new DriftReport(targetId, null, List.of());
        }
        SchemaSnapshot expected = Json.read(baseline.get().value2().data(), SchemaSnapshot.class);
        try (Connection live = LiveSession.open(target.endpoint())) {
            List<DriftItem> items = expected.diff(SchemaSnapshot.read(live, target.schemas())).stream()
                    .filter(d -> covered(expected, d)).map(DriftServiceImpl::item).toList();
            release(targetId, who, checkedAt);
            return new DriftReport(targetId, baseline.get().value1(), items);
        } catch (SQLException e) {
            throw new ChangeRefusedException("target-unavailable", "Cannot read " + targetId + ": " + e.getMessage());
        }
    }

    /**
     * A drift check an operator ran releases the target held by a failed apply: what the failure left is
     * now in front of them, and the changes in line may apply again (D008). A Compliance reader's check
     * releases nothing: it is not theirs to let changes run.
     */
    private void release(String targetId, String who, Instant checkedAt) {
        if (!Actors.isOperator()) {
            return;
        }
        tx.executeWithoutResult(st -> queue.release(targetId, who, checkedAt).ifPresent(change -> audit.append(AuditEntry.succeeded(
                "changes.target.release", "change-target", targetId, Map.of("change", change, "reason", "drift check ran after the failed apply")))));
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
