package io.sextant.platform.changes.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.AdvisorResult;
import io.sextant.platform.changes.ApplyResult;
import io.sextant.platform.changes.ChangeApplier;
import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** See {@link ChangeApplier}. */
@Service
class ChangeApplierService implements ChangeApplier {

    private static final Logger log = LoggerFactory.getLogger(ChangeApplierService.class);

    private final JooqChangeRepository repo;
    private final ChangeTargets targets;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SafeApply.Settings settings;
    private final JooqQueueRepository queueRepo;
    private final ChangeQueue queue;
    private final QueueMoves moves;
    private final BoardGate gate;

    ChangeApplierService(JooqChangeRepository repo, JooqQueueRepository queueRepo, ChangeQueue queue, QueueMoves moves, BoardGate gate,
                         ChangeTargets targets, AuditLog audit, TransactionTemplate tx, Clock clock,
                         @Value("${sextant.changes.lock-timeout:2s}") Duration lockTimeout,
                         @Value("${sextant.changes.statement-timeout:15m}") Duration statementTimeout,
                         @Value("${sextant.changes.max-attempts:6}") int maxAttempts,
                         @Value("${sextant.changes.first-backoff:250ms}") Duration firstBackoff) {
        this.repo = repo;
        this.queueRepo = queueRepo;
        this.queue = queue;
        this.moves = moves;
        this.gate = gate;
        this.targets = targets;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.settings = new SafeApply.Settings(lockTimeout, statementTimeout, maxAttempts, firstBackoff);
    }

    @Override
    public ApplyResult apply(String changeId) {
        var who = gate.actor("changes.change.apply", changeId, ChangeLifecycle.Action.APPLY);
        // read before the claim (outside the row lock): the schema the change would now meet
        String live = tx.execute(st -> repo.find(changeId)).map(ChangeRequest::targetId).flatMap(targets::find)
                .map(ChangeApplierService::fingerprint).orElse(null);
        ChangeRequest c = tx.execute(st -> claim(changeId, who, live));
        int version = c.appliedVersion();
        ChangeTarget target = targets.require(c.targetId());
        SafeApply.Result run = SafeApply.run(target, c.forwardSql(), settings);
        if (run.failure() != null) {
            tx.executeWithoutResult(st -> {
                repo.transition(changeId, c.version() + 1, List.of(ChangeState.APPLYING), ChangeState.FAILED, "Apply failed: "
                        + run.failure().describe() + ". Run a drift check of " + c.targetId() + " before anything else applies there", clock.instant());
                audit.append(new AuditEntry("changes.change.apply", "change", changeId, io.sextant.platform.audit.AuditOutcome.FAILED,
                        Map.of("attempts", String.valueOf(run.attempts()), "error", run.failure().describe(), "version", String.valueOf(version))));
                moves.hold(c, run.failure().describe());
            });
            return new ApplyResult(changeId, ChangeState.FAILED, run.attempts(), List.of(), false, null, run.failure());
        }
        List<AdvisorResult> advisors = PostApplyAdvisors.run(target);
        boolean flagged = advisors.stream().anyMatch(a -> a.status() != AdvisorResult.Status.PASSED);
        String snapshot = snapshotJson(target);
        tx.executeWithoutResult(st -> {
            repo.insertApplied(c.targetId(), version, changeId, c.forwardChecksum(), who.name(), run.attempts(), snapshot,
                    Json.write(advisors), clock.instant());
            repo.transition(changeId, c.version() + 1, List.of(ChangeState.APPLYING), ChangeState.APPLIED, null, clock.instant());
            repo.setAppliedVersion(changeId, version);
            audit.append(AuditEntry.succeeded("changes.change.apply", "change", changeId, Map.of("target", c.targetId(),
                    "version", String.valueOf(version), "position", String.valueOf(c.sequence()), "attempts", String.valueOf(run.attempts()), "flagged", String.valueOf(flagged))));
            if (flagged) {
                String msg = "Post-apply checks failed for change " + changeId + " on " + c.targetId() + ": " + advisors.stream()
                        .filter(a -> a.status() != AdvisorResult.Status.PASSED)
                        .map(a -> a.check() + " " + a.status() + (a.error() != null ? " (" + a.error() + ")" : " " + a.findings()))
                        .toList() + (c.rollbackSql() != null ? "; a verified rollback is available" : "");
                repo.flag(changeId);
                repo.insertAlert("changes", changeId, "warning", msg, clock.instant());
                audit.append(AuditEntry.succeeded("changes.change.flagged", "change", changeId, Map.of("message", msg)));
                log.warn(msg);
            }
        });
        return new ApplyResult(changeId, ChangeState.APPLIED, run.attempts(), advisors, flagged, flagged ? c.rollbackSql() : null, null);
    }

    /**
     * Decides through {@link ChangeLifecycle} (state, queue order, target hold), verifies approval binding,
     * checksums and the live schema, fixes the version the change applies as (the target's applied count + 1),
     * then wins the move to APPLYING (or refuses). Returns the change with that version as {@code appliedVersion}.
     */
    private ChangeRequest claim(String changeId, ChangeLifecycle.Actor who, @Nullable String liveFingerprint) {
        ChangeRequest found = repo.find(changeId).orElseThrow(() -> refuse(changeId, ChangeRequestServiceImpl.notFound(changeId)));
        queueRepo.lockTarget(found.targetId());
        ChangeRequest c = repo.lock(changeId).orElseThrow();
        var d = ChangeLifecycle.decide(ChangeLifecycle.Action.APPLY, c, who, queue.situation(c, false));
        if (!d.allowed()) {
            throw refuse(changeId, d.refusal());
        }
        if (c.requiredRole() != null && repo.approvals(changeId, c.contentHash()).isEmpty()) {
            throw refuse(changeId, new ChangeRefusedException("approval-void", "No approval of the current content of " + changeId));
        }
        if (!ContentHash.checksum(c.forwardSql()).equals(c.forwardChecksum())) {
            throw refuse(changeId, new ChangeRefusedException("checksum-mismatch",
                    "Checksum mismatch for change " + changeId + " (#" + c.sequence() + " of " + c.targetId() + ")"));
        }
        for (JooqChangeRepository.AppliedChecksum a : repo.appliedChecksums(c.targetId())) {
            if (!a.recorded().equals(a.current())) {
                throw refuse(changeId, new ChangeRefusedException("checksum-mismatch", "Checksum mismatch for applied version "
                        + a.sequence() + " of " + c.targetId() + " (change " + a.changeId() + "): its SQL changed after it was applied"));
            }
        }
        String checked = repo.latestCheckFingerprint(changeId, c.contentHash()).orElse(null);
        if (liveFingerprint == null || !liveFingerprint.equals(checked)) {
            throw refuse(changeId, new ChangeRefusedException("schema-moved", liveFingerprint == null
                    ? "Cannot read the live schema of " + c.targetId() + " to compare it with the one the checks ran against: try again"
                    : "The live schema of " + c.targetId() + " changed since this change was checked" + (checked == null ? " (or its check recorded no schema)" : "")
                            + ": run the checks again, then apply"));
        }
        int version = repo.lastAppliedSequence(c.targetId()) + 1;
        if (!repo.transition(changeId, c.version(), List.of(ChangeState.APPROVED), ChangeState.APPLYING, null, clock.instant())) {
            throw refuse(changeId, new ChangeRefusedException("not-approved", "Change " + changeId + " is being applied by someone else"));
        }
        audit.append(AuditEntry.succeeded("changes.change.applying", "change", changeId, Map.of("contentHash", c.contentHash(),
                "version", String.valueOf(version))));
        return new ChangeRequest(c.changeId(), c.targetId(), c.sequence(), c.description(), c.author(), c.forwardSql(), c.rollbackSql(),
                c.rollbackDerived(), c.contentHash(), c.forwardChecksum(), c.state(), c.risk(), c.requiredRole(), c.flagged(), c.stateReason(),
                c.createdAt(), c.updatedAt(), c.version(), c.revision(), version);
    }

    private static @Nullable String fingerprint(ChangeTarget target) {
        try {
            return SchemaFingerprint.live(target);
        } catch (SQLException e) {
            return null;
        }
    }

    private String snapshotJson(ChangeTarget target) {
        try (Connection live = LiveSession.open(target.endpoint())) {
            return Json.write(SchemaSnapshot.read(live, target.schemas()));
        } catch (SQLException e) {
            return Json.write(Map.of("error", "snapshot failed: " + e.getMessage()));
        }
    }

    private ChangeRefusedException refuse(String changeId, ChangeRefusedException e) {
        audit.appendRefusal(AuditEntry.refused("changes.change.apply", "change", changeId, Map.of("reason", e.reason(), "message", e.getMessage())));
        return e;
    }
}
