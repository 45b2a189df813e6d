package io.sextant.platform.changes.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeLifecycle.Action;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moves that get a target's queue going again: revise (same id and place, new content, approvals
 * void), abandon (terminal, audited with its reason) and reset of a stuck change (a stuck apply holds
 * the target until a drift check). Each is decided by {@link ChangeLifecycle} under the change's row lock.
 */
@Component
class QueueMoves {

    private static final List<ChangeState> HELD = List.of(ChangeState.CHECKING, ChangeState.APPLYING);

    private final JooqChangeRepository repo;
    private final JooqQueueRepository queueRepo;
    private final ChangeQueue queue;
    private final BoardGate gate;
    private final SyntaxChecker syntax;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    QueueMoves(JooqChangeRepository repo, JooqQueueRepository queueRepo, ChangeQueue queue, BoardGate gate, SyntaxChecker syntax,
               AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.repo = repo;
        this.queueRepo = queueRepo;
        this.queue = queue;
        this.gate = gate;
        this.syntax = syntax;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    ChangeRequest revise(String changeId, int expectedVersion, String forwardSql, @Nullable String rollbackSql, @Nullable String note) {
        String action = "changes.change.revise";
        var who = gate.actor(action, changeId, Action.REVISE);
        requireContent(action, changeId, forwardSql, rollbackSql);
        return tx.execute(st -> {
            ChangeRequest c = locked(action, changeId);
            decide(action, Action.REVISE, c, who, false);
            String hash = ContentHash.of(forwardSql, rollbackSql);
            boolean noRollback = rollbackSql == null || rollbackSql.isBlank();
            Instant now = clock.instant();
            int revision = c.revision() + 1;
            String reason = "revision " + revision + (note == null || note.isBlank() ? "" : ": " + note.strip());
            if (c.version() != expectedVersion || !repo.updateContent(changeId, expectedVersion, forwardSql, noRollback ? null : rollbackSql,
                    false, hash, ContentHash.checksum(forwardSql), reason, now)) {
                throw gate.refuse(action, changeId, ChangeRequestServiceImpl.stale(changeId, expectedVersion));
            }
            queueRepo.keepRevision(c, who.name(), now);
            int voided = repo.approvals(changeId, c.contentHash()).size();
            Map<String, String> details = new LinkedHashMap<>(Map.of("revision", String.valueOf(revision), "from", c.state().dbValue(),
                    "oldContentHash", c.contentHash(), "contentHash", hash, "approvalsVoided", String.valueOf(voided)));
            if (note != null && !note.isBlank()) {
                details.put("note", note.strip());
            }
            audit.append(AuditEntry.succeeded(action, "change", changeId, details));
            return repo.find(changeId).orElseThrow();
        });
    }

    ChangeRequest abandon(String changeId, String reason) {
        String action = "changes.change.abandon";
        var who = gate.actor(action, changeId, Action.ABANDON);
        if (reason == null || reason.isBlank()) {
            throw gate.refuse(action, changeId, new ChangeRefusedException("missing-reason", "Say why the change is abandoned"));
        }
        return tx.execute(st -> {
            ChangeRequest c = locked(action, changeId);
            decide(action, Action.ABANDON, c, who, false);
            if (!repo.transition(changeId, c.version(), List.copyOf(ChangeLifecycle.from(Action.ABANDON)), ChangeState.ABANDONED,
                    "abandoned: " + reason.strip(), clock.instant())) {
                throw gate.refuse(action, changeId, ChangeRequestServiceImpl.stale(changeId, c.version()));
            }
            audit.append(AuditEntry.succeeded(action, "change", changeId, Map.of("reason", reason.strip(), "from", c.state().dbValue(),
                    "revision", String.valueOf(c.revision()), "contentHash", c.contentHash(), "target", c.targetId())));
            return repo.find(changeId).orElseThrow();
        });
    }

    ChangeRequest resetStuck(String changeId, Duration stuckAfter) {
        String action = "changes.change.reset";
        var who = gate.actor(action, changeId, Action.RESET);
        return tx.execute(st -> {
            ChangeRequest c = locked(action, changeId);
            boolean stuck = isStuck(c, stuckAfter);
            if (!stuck && HELD.contains(c.state())) {
                throw gate.refuse(action, changeId, new ChangeRefusedException("not-stuck", "Change " + changeId + " has been " + c.state()
                        + " only since " + c.updatedAt() + "; it may still be running (stuck after " + stuckAfter + ")"));
            }
            decide(action, Action.RESET, c, who, stuck);
            Instant since = c.updatedAt();
            boolean applying = c.state() == ChangeState.APPLYING;
            ChangeState next = applying ? ChangeState.FAILED : ChangeState.SUBMITTED;
            String reason = applying
                    ? "Apply interrupted (held in APPLYING since " + since + "): it may have run in part or in full. Run a drift check of "
                            + c.targetId() + " before anything else; the board never re-applies it by itself"
                    : "Check interrupted (held in CHECKING since " + since + "): run the checks again";
            if (!repo.transition(changeId, c.version(), List.of(c.state()), next, reason, clock.instant())) {
                throw gate.refuse(action, changeId, ChangeRequestServiceImpl.stale(changeId, c.version()));
            }
            audit.append(AuditEntry.succeeded(action, "change", changeId, Map.of("from", c.state().dbValue(),
                    "to", next.dbValue(), "heldSince", since.toString(), "reason", reason)));
            if (applying) {
                hold(c, reason);
            }
            return repo.find(changeId).orElseThrow();
        });
    }

    /** Holds the change's target after a failed or interrupted apply (in the caller's transaction, audited). */
    void hold(ChangeRequest c, String reason) {
        queueRepo.hold(c.targetId(), c.changeId(), reason, clock.instant());
        audit.append(AuditEntry.succeeded("changes.target.hold", "change-target", c.targetId(),
                Map.of("change", c.changeId(), "reason", "drift check needed after the failed apply of change " + c.changeId())));
    }

    boolean isStuck(ChangeRequest c, Duration stuckAfter) {
        return HELD.contains(c.state()) && c.updatedAt().isBefore(clock.instant().minus(stuckAfter));
    }

    /** The content gates of submit and revise: a statement, and PostgreSQL's own parser before anything is stored (D006). */
    void requireContent(String action, @Nullable String subject, String forwardSql, @Nullable String rollbackSql) {
        if (forwardSql == null || ContentHash.normalise(forwardSql).isBlank()) {
            throw gate.refuse(action, subject, new ChangeRefusedException("empty-change", "The change has no statement"));
        }
        List<String> errors = new ArrayList<>();
        var forward = syntax.check(forwardSql);
        var rollback = rollbackSql == null || rollbackSql.isBlank() ? List.<io.sextant.platform.changes.StatementFailure>of() : syntax.check(rollbackSql);
        forward.forEach(f -> errors.add("forward, line " + f.line() + ", column " + f.column() + ": " + f.message()));
        rollback.forEach(f -> errors.add("rollback, line " + f.line() + ", column " + f.column() + ": " + f.message()));
        if (!errors.isEmpty()) {
            throw gate.refuse(action, subject, new io.sextant.platform.changes.ScriptSyntaxException(
                    "PostgreSQL cannot parse the change: " + String.join("; ", errors), forward, rollback));
        }
    }

    private ChangeRequest locked(String action, String changeId) {
        return repo.lock(changeId).orElseThrow(() -> gate.refuse(action, changeId, ChangeRequestServiceImpl.notFound(changeId)));
    }

    private void decide(String action, Action act, ChangeRequest c, ChangeLifecycle.Actor who, boolean stuck) {
        var d = ChangeLifecycle.decide(act, c, who, queue.situation(c, stuck));
        if (!d.allowed()) {
            throw gate.refuse(action, c.changeId(), d.refusal());
        }
    }
}
