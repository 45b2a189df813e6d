package io.sextant.platform.changes.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.changes.ChangeCheckResult;
import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeLifecycle.Action;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.QueuedChange;
import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.RiskAssessment;
import io.sextant.platform.changes.RollbackCheck;
import io.sextant.platform.changes.RollbackVerifier;
import io.sextant.platform.changes.ShadowApplier;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.changes.ShadowReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** See {@link ChangeRequestService}. Long checks run outside any database transaction; revise, abandon and reset are {@link QueueMoves}. */
@Service
class ChangeRequestServiceImpl implements ChangeRequestService {

    private static final List<ChangeState> HELD = List.of(ChangeState.CHECKING, ChangeState.APPLYING);

    private final JooqChangeRepository repo;
    private final JooqQueueRepository queueRepo;
    private final ChangeQueue queue;
    private final QueueMoves moves;
    private final ChangeTargets targets;
    private final ShadowApplier shadow;
    private final RollbackVerifier rollbacks;
    private final MigrationLinter linter;
    private final AuditLog audit;
    private final BoardGate gate;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration stuckAfter;
    private final AuditQuery auditQuery;
    private final ReviewRules reviewRules;

    ChangeRequestServiceImpl(JooqChangeRepository repo, JooqQueueRepository queueRepo, ChangeQueue queue, QueueMoves moves,
                             ChangeTargets targets, ShadowApplier shadow, RollbackVerifier rollbacks, MigrationLinter linter,
                             AuditLog audit, BoardGate gate, AuditQuery auditQuery, TransactionTemplate tx, Clock clock,
                             @Value("${sextant.changes.stuck-after:15m}") Duration stuckAfter, ReviewRules reviewRules) {
        this.repo = repo;
        this.queueRepo = queueRepo;
        this.queue = queue;
        this.moves = moves;
        this.targets = targets;
        this.shadow = shadow;
        this.rollbacks = rollbacks;
        this.linter = linter;
        this.audit = audit;
        this.gate = gate;
        this.auditQuery = auditQuery;
        this.tx = tx;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.reviewRules = reviewRules;
    }

    @Override
    public ChangeRequest submit(ChangeSubmission s) {
        return submit(s, null);
    }

    /**
     * Submits {@code s}; with {@code inPlaceOf}, the new change takes that (rejected) change's place in the
     * queue instead of the next one, and no version is expected (a rewrite accepted in place of a change).
     */
    ChangeRequest submit(ChangeSubmission s, @Nullable ChangeRequest inPlaceOf) {
        String action = "changes.change.submit";
        String author = operator(action, s.targetId());
        if (targets.find(s.targetId()).isEmpty()) {
            throw gate.refuse(action, s.targetId(), new ChangeRefusedException("unknown-target",
                    "No change target is known as '" + s.targetId() + "'"));
        }
        moves.requireContent(action, s.targetId(), s.forwardSql(), s.rollbackSql());
        String id = ContentHash.id(s.targetId(), s.forwardSql(), s.rollbackSql());
        String hash = ContentHash.of(s.forwardSql(), s.rollbackSql());
        return tx.execute(st -> {
            queueRepo.lockTarget(s.targetId());
            Optional<ChangeRequest> existing = repo.find(id);
            if (existing.isPresent()) {
                ChangeRequest e = existing.get();
                if (ChangeLifecycle.inLine(e.state()) && e.contentHash().equals(hash)) {
                    return e;
                }
                throw gate.refuse(action, s.targetId(), new ChangeRefusedException("already-submitted", "This content was submitted to "
                        + s.targetId() + " before, as change " + e.changeId().substring(0, 12) + " (now " + e.state().name().toLowerCase(java.util.Locale.ROOT)
                        + ", revision " + e.revision() + ")" + (ChangeLifecycle.from(Action.REVISE).contains(e.state())
                        ? ": revise that change instead" : ": change something to submit it again")));
            }
            int next = queue.nextSequence(s.targetId());
            if (inPlaceOf == null && s.sequence() > 0 && s.sequence() != next) {
                int applied = repo.lastAppliedSequence(s.targetId());
                throw gate.refuse(action, s.targetId(), new ChangeRefusedException(s.sequence() < next ? "duplicate-sequence" : "sequence-gap",
                        "Version " + s.sequence() + " of " + s.targetId() + " is not what this change would apply as: "
                                + applied + " applied and " + (next - applied - 1) + " in line ahead of it, so it applies as version " + next
                                + ". Submit it as version " + next + " (or without a version)"));
            }
            int position = inPlaceOf == null ? queueRepo.lastPosition(s.targetId()) + 1 : inPlaceOf.sequence();
            var now = clock.instant();
            boolean noRollback = s.rollbackSql() == null || s.rollbackSql().isBlank();
            ChangeRequest c = new ChangeRequest(id, s.targetId(), position, s.description(), author, s.forwardSql(),
                    noRollback ? null : s.rollbackSql(), false, hash, ContentHash.checksum(s.forwardSql()), ChangeState.SUBMITTED,
                    null, null, false, null, now, now, 0, 1, null);
            repo.insert(c);
            audit.append(AuditEntry.succeeded(action, "change", id, Map.of("target", s.targetId(), "position", String.valueOf(position),
                    "willApplyAs", String.valueOf(next), "contentHash", hash)));
            return c;
        });
    }

    @Override
    public int nextSequence(String targetId) {
        reader("changes.change.list", targetId);
        return tx.execute(st -> queue.nextSequence(targetId));
    }

    @Override
    public ChangeRequest revise(String changeId, int expectedVersion, String forwardSql, @Nullable String rollbackSql, @Nullable String note) {
        return moves.revise(changeId, expectedVersion, forwardSql, rollbackSql, note);
    }

    @Override
    public ChangeRequest abandon(String changeId, String reason) {
        return moves.abandon(changeId, reason);
    }

    @Override
    public ChangeCheckResult check(String changeId, ShadowOptions options, ShadowProgressListener listener) {
        String action = "changes.change.check";
        var who = gate.actor(action, changeId, Action.CHECK);
        ChangeRequest c = tx.execute(st -> {
            ChangeRequest cur = repo.lock(changeId).orElseThrow(() -> gate.refuse(action, changeId, notFound(changeId)));
            var d = ChangeLifecycle.decide(Action.CHECK, cur, who, queue.situation(cur, false));
            if (!d.allowed()) {
                throw gate.refuse(action, changeId, d.refusal());
            }
            if (!repo.transition(changeId, cur.version(), List.of(cur.state()), ChangeState.CHECKING, null, clock.instant())) {
                throw gate.refuse(action, changeId, stale(changeId, cur.version()));
            }
            audit.append(AuditEntry.succeeded("changes.change.checking", "change", changeId, Map.of("contentHash", cur.contentHash(),
                    "revision", String.valueOf(cur.revision()))));
            return repo.find(changeId).orElseThrow();
        });
        ChangeTarget target = targets.require(c.targetId());
        String fingerprint = fingerprint(target);
        ShadowReport report = shadow.apply(c.targetId(), c.forwardSql(), options, listener);
        listener.progress("rollback", 0, 1, "round trip forward → rollback");
        RollbackCheck rollback = rollbacks.verify(c.targetId(), c.forwardSql(), c.rollbackSql(), options.rowCap());
        LintReport rollbackLint = rollback.rollbackSql() == null ? null : linter.lint("rollback", rollback.rollbackSql());
        RiskAssessment risk = RiskAssessor.assess(target, report, rollback, rollbackLint, reviewRules.refusals(target, report));
        ChangeCheckResult result = new ChangeCheckResult(changeId, c.contentHash(), report, rollback, risk, rollbackLint);
        ChangeState next = risk.blocked() ? ChangeState.FAILED : risk.needsApproval() ? ChangeState.NEEDS_APPROVAL : ChangeState.APPROVED;
        tx.executeWithoutResult(st -> {
            repo.insertCheck(changeId, c.contentHash(), !risk.blocked(), Json.write(result), fingerprint, clock.instant());
            // A revision during the check bumped the version: this result then describes old content and moves nothing.
            if (repo.transition(changeId, c.version(), List.of(ChangeState.CHECKING), next,
                    risk.blocked() ? String.join("; ", risk.reasons()) : null, clock.instant())) {
                repo.setVerdict(changeId, risk.level(), risk.requiredRole(), rollback.rollbackSql(), rollback.derived());
                audit.append(AuditEntry.succeeded("changes.change.checked", "change", changeId, Map.of("contentHash", c.contentHash(),
                        "state", next.dbValue(), "risk", risk.level().name(), "rollback", rollback.status().name(),
                        "schemaFingerprint", fingerprint == null ? "unreadable" : fingerprint)));
            }
        });
        return result;
    }

    /** The live schema's fingerprint the check runs against; null when it cannot be read (apply then asks for a new check). */
    private static @Nullable String fingerprint(ChangeTarget target) {
        try {
            return SchemaFingerprint.live(target);
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    @Override
    public ChangeRequest reject(String changeId, String reason) {
        String action = "changes.change.reject";
        var who = gate.actor(action, changeId, Action.REJECT);
        return tx.execute(st -> {
            ChangeRequest c = repo.lock(changeId).orElseThrow(() -> gate.refuse(action, changeId, notFound(changeId)));
            var d = ChangeLifecycle.decide(Action.REJECT, c, who, queue.situation(c, false));
            if (!d.allowed()) {
                throw gate.refuse(action, changeId, d.refusal());
            }
            if (!repo.transition(changeId, c.version(), List.copyOf(ChangeLifecycle.from(Action.REJECT)), ChangeState.REJECTED, reason, clock.instant())) {
                throw gate.refuse(action, changeId, stale(changeId, c.version()));
            }
            audit.append(AuditEntry.succeeded(action, "change", changeId, Map.of("reason", reason)));
            return repo.find(changeId).orElseThrow();
        });
    }

    @Override
    public Optional<ChangeRequest> find(String changeId) {
        reader("changes.change.read", changeId);
        return tx.execute(st -> repo.find(changeId));
    }

    @Override
    public List<ChangeRequest> list(String targetId) {
        reader("changes.change.list", targetId);
        return tx.execute(st -> repo.list(targetId));
    }

    @Override
    public List<QueuedChange> queue(String targetId) {
        reader("changes.change.list", targetId);
        return tx.execute(st -> queue.entries(targetId, this::isStuck));
    }

    @Override
    public ChangeLifecycle.Situation situation(String changeId) {
        reader("changes.change.read", changeId);
        return tx.execute(st -> repo.find(changeId).map(c -> queue.situation(c, isStuck(c))).orElse(ChangeLifecycle.Situation.CLEAR));
    }

    @Override
    public List<ChangeRequest> failedOrStuck(int limit) {
        operator("changes.change.stuck", null);
        return tx.execute(st -> Stream.concat(repo.inStatesSince(HELD, clock.instant().minus(stuckAfter)).stream(),
                        repo.inStates(List.of(ChangeState.FAILED), limit).stream())
                .sorted(java.util.Comparator.comparing(ChangeRequest::updatedAt).reversed()).limit(limit).toList());
    }

    @Override
    public List<ChangeRequest> awaitingMyApproval(int limit) {
        operator("changes.change.list", null);
        var who = ChangeLifecycle.Actor.current();
        return tx.execute(st -> repo.inStates(List.of(ChangeState.NEEDS_APPROVAL), Math.max(limit, 1) * 4).stream()
                .filter(c -> ChangeLifecycle.decide(Action.APPROVE, c, who, queue.situation(c, false)).allowed()).limit(limit).toList());
    }

    @Override
    public Optional<ChangeCheckResult> latestCheck(String changeId) {
        reader("changes.change.read", changeId);
        return tx.execute(st -> repo.find(changeId).flatMap(c -> repo.latestCheck(changeId, c.contentHash()))
                .map(json -> Json.read(json, ChangeCheckResult.class)));
    }

    @Override
    public List<AuditEventView> auditTrail(String changeId, int limit) {
        operator("changes.change.audit-trail", changeId);
        return auditQuery.find(AuditFilter.subject("change", changeId), null, limit).events();
    }

    @Override
    public List<ChangeRequest> stuck() {
        operator("changes.change.stuck", null);
        return tx.execute(st -> repo.inStatesSince(HELD, clock.instant().minus(stuckAfter)));
    }

    @Override
    public boolean isStuck(ChangeRequest change) {
        return moves.isStuck(change, stuckAfter);
    }

    @Override
    public ChangeRequest resetStuck(String changeId) {
        return moves.resetStuck(changeId, stuckAfter);
    }

    private String operator(String action, @Nullable String subject) {
        String who = Actors.current();
        if (!Actors.isOperator()) {
            throw gate.refuse(action, subject, new ChangeRefusedException("missing-role", "Only operators may do this"));
        }
        return who;
    }

    /** Reading changes (their SQL, checks and state) needs a console role; refusals are audited. */
    private void reader(String action, @Nullable String subject) {
        Actors.current();
        if (!(Actors.isOperator() || CurrentRoles.has(ConsoleRole.COMPLIANCE) || CurrentRoles.has(ConsoleRole.SUPPORT))) {
            throw gate.refuse(action, subject, new ChangeRefusedException("missing-role", "Reading change requests needs a console role"));
        }
    }

    static ChangeRefusedException notFound(String id) {
        return new ChangeRefusedException("unknown-change", "No change request " + id);
    }

    static ChangeRefusedException stale(String id, int version) {
        return new ChangeRefusedException("stale-version", "Change " + id + " was modified since version " + version);
    }
}
