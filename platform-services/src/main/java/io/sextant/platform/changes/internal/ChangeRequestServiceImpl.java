package io.sextant.platform.changes.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.changes.ChangeCheckResult;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** See {@link ChangeRequestService}. Long checks run outside any database transaction. */
@Service
class ChangeRequestServiceImpl implements ChangeRequestService {

    private static final List<ChangeState> EDITABLE = List.of(ChangeState.SUBMITTED, ChangeState.CHECKING,
            ChangeState.NEEDS_APPROVAL, ChangeState.APPROVED, ChangeState.FAILED);

    private final JooqChangeRepository repo;
    private final ChangeTargets targets;
    private final ShadowApplier shadow;
    private final RollbackVerifier rollbacks;
    private final MigrationLinter linter;
    private final SyntaxChecker syntax;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private static final List<ChangeState> HELD = List.of(ChangeState.CHECKING, ChangeState.APPLYING);

    private final Clock clock;
    private final Duration stuckAfter;
    private final AuditQuery auditQuery;
    private final ReviewRules reviewRules;

    ChangeRequestServiceImpl(JooqChangeRepository repo, ChangeTargets targets, ShadowApplier shadow, RollbackVerifier rollbacks,
                             MigrationLinter linter, SyntaxChecker syntax, AuditLog audit, AuditQuery auditQuery, TransactionTemplate tx, Clock clock,
                             @Value("${sextant.changes.stuck-after:15m}") Duration stuckAfter, ReviewRules reviewRules) {
        this.reviewRules = reviewRules;
        this.stuckAfter = stuckAfter;
        this.auditQuery = auditQuery;
        this.repo = repo;
        this.targets = targets;
        this.shadow = shadow;
        this.rollbacks = rollbacks;
        this.linter = linter;
        this.syntax = syntax;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public ChangeRequest submit(ChangeSubmission s) {
        String author = operator("changes.change.submit", s.targetId());
        if (targets.find(s.targetId()).isEmpty()) {
            throw refuse("changes.change.submit", s.targetId(), new ChangeRefusedException("unknown-target",
                    "No change target is known as '" + s.targetId() + "'"));
        }
        if (ContentHash.normalise(s.forwardSql()).isBlank()) {
            throw refuse("changes.change.submit", s.targetId(), new ChangeRefusedException("empty-change", "The change has no statement"));
        }
        requireParses("changes.change.submit", s.targetId(), s.forwardSql(), s.rollbackSql());
        String id = ContentHash.id(s.targetId(), s.forwardSql(), s.rollbackSql());
        String hash = ContentHash.of(s.forwardSql(), s.rollbackSql());
        return tx.execute(st -> {
            Optional<ChangeRequest> existing = repo.find(id);
            if (existing.isPresent() && existing.get().targetId().equals(s.targetId()) && existing.get().sequence() == s.sequence()) {
                return existing.get();
            }
            int last = repo.lastSequence(s.targetId());
            if (existing.isPresent() || s.sequence() <= last && repo.list(s.targetId()).stream()
                    .anyMatch(c -> c.sequence() == s.sequence() && c.state() != ChangeState.REJECTED)) {
                throw refuse("changes.change.submit", s.targetId(), new ChangeRefusedException("duplicate-sequence",
                        "Version " + s.sequence() + " of " + s.targetId() + " is already taken (or the same content was submitted as another version)"));
            }
            if (s.sequence() != last + 1) {
                throw refuse("changes.change.submit", s.targetId(), new ChangeRefusedException("sequence-gap",
                        "Version " + s.sequence() + " does not follow version " + last + " of " + s.targetId() + "; the next is " + (last + 1)));
            }
            var now = clock.instant();
            boolean noRollback = s.rollbackSql() == null || s.rollbackSql().isBlank();
            ChangeRequest c = new ChangeRequest(id, s.targetId(), s.sequence(), s.description(), author, s.forwardSql(),
                    noRollback ? null : s.rollbackSql(), false, hash, ContentHash.checksum(s.forwardSql()), ChangeState.SUBMITTED,
                    null, null, false, null, now, now, 0);
            repo.insert(c);
            audit.append(AuditEntry.succeeded("changes.change.submit", "change", id,
                    Map.of("target", s.targetId(), "version", String.valueOf(s.sequence()), "contentHash", hash)));
            return c;
        });
    }

    /** PostgreSQL's own parser, on a throwaway server, before anything is stored or a version taken (D006). */
    private void requireParses(String action, String target, String forwardSql, @Nullable String rollbackSql) {
        List<String> errors = new java.util.ArrayList<>();
        var forward = syntax.check(forwardSql);
        var rollback = rollbackSql == null || rollbackSql.isBlank() ? List.<io.sextant.platform.changes.StatementFailure>of() : syntax.check(rollbackSql);
        forward.forEach(f -> errors.add("forward, line " + f.line() + ", column " + f.column() + ": " + f.message()));
        rollback.forEach(f -> errors.add("rollback, line " + f.line() + ", column " + f.column() + ": " + f.message()));
        if (!errors.isEmpty()) {
            throw refuse(action, target, new io.sextant.platform.changes.ScriptSyntaxException(
                    "PostgreSQL cannot parse the change: " + String.join("; ", errors), forward, rollback));
        }
    }

    @Override
    public ChangeRequest edit(String changeId, int expectedVersion, String forwardSql, @Nullable String rollbackSql) {
        operator("changes.change.edit", changeId);
        requireParses("changes.change.edit", changeId, forwardSql, rollbackSql);
        return tx.execute(st -> {
            ChangeRequest c = repo.lock(changeId).orElseThrow(() -> refuse("changes.change.edit", changeId, notFound(changeId)));
            if (!EDITABLE.contains(c.state())) {
                throw refuse("changes.change.edit", changeId, new ChangeRefusedException("not-editable", "A " + c.state() + " change cannot be edited"));
            }
            String hash = ContentHash.of(forwardSql, rollbackSql);
            boolean noRollback = rollbackSql == null || rollbackSql.isBlank();
            if (!repo.updateContent(changeId, expectedVersion, forwardSql, noRollback ? null : rollbackSql, false, hash,
                    ContentHash.checksum(forwardSql), clock.instant())) {
                throw refuse("changes.change.edit", changeId, stale(changeId, expectedVersion));
            }
            int voided = repo.approvals(changeId, c.contentHash()).size();
            audit.append(AuditEntry.succeeded("changes.change.edit", "change", changeId,
                    Map.of("oldContentHash", c.contentHash(), "contentHash", hash, "approvalsVoided", String.valueOf(voided))));
            return repo.find(changeId).orElseThrow();
        });
    }

    @Override
    public ChangeCheckResult check(String changeId, ShadowOptions options, ShadowProgressListener listener) {
        operator("changes.change.check", changeId);
        ChangeRequest c = tx.execute(st -> {
            ChangeRequest cur = repo.lock(changeId).orElseThrow(() -> refuse("changes.change.check", changeId, notFound(changeId)));
            if (!List.of(ChangeState.SUBMITTED, ChangeState.FAILED, ChangeState.NEEDS_APPROVAL).contains(cur.state())
                    || !repo.transition(changeId, cur.version(), List.of(cur.state()), ChangeState.CHECKING, null, clock.instant())) {
                throw refuse("changes.change.check", changeId, new ChangeRefusedException("not-checkable", "A " + cur.state() + " change cannot be checked now"));
            }
            audit.append(AuditEntry.succeeded("changes.change.checking", "change", changeId, Map.of("contentHash", cur.contentHash())));
            return repo.find(changeId).orElseThrow();
        });
        ChangeTarget target = targets.require(c.targetId());
        ShadowReport report = shadow.apply(c.targetId(), c.forwardSql(), options, listener);
        listener.progress("rollback", 0, 1, "round trip forward → rollback");
        RollbackCheck rollback = rollbacks.verify(c.targetId(), c.forwardSql(), c.rollbackSql(), options.rowCap());
        LintReport rollbackLint = rollback.rollbackSql() == null ? null : linter.lint("rollback", rollback.rollbackSql());
        RiskAssessment risk = RiskAssessor.assess(target, report, rollback, rollbackLint, reviewRules.refusals(target, report));
        ChangeCheckResult result = new ChangeCheckResult(changeId, c.contentHash(), report, rollback, risk, rollbackLint);
        ChangeState next = risk.blocked() ? ChangeState.FAILED : risk.needsApproval() ? ChangeState.NEEDS_APPROVAL : ChangeState.APPROVED;
        tx.executeWithoutResult(st -> {
            repo.insertCheck(changeId, c.contentHash(), !risk.blocked(), Json.write(result), clock.instant());
            // An edit during the check bumped the version: this result then describes old content and moves nothing.
            if (repo.transition(changeId, c.version(), List.of(ChangeState.CHECKING), next,
                    risk.blocked() ? String.join("; ", risk.reasons()) : null, clock.instant())) {
                repo.setVerdict(changeId, risk.level(), risk.requiredRole(), rollback.rollbackSql(), rollback.derived());
                audit.append(AuditEntry.succeeded("changes.change.checked", "change", changeId, Map.of("contentHash", c.contentHash(),
                        "state", next.dbValue(), "risk", risk.level().name(), "rollback", rollback.status().name())));
            }
        });
        return result;
    }

    @Override
    public ChangeRequest reject(String changeId, String reason) {
        operator("changes.change.reject", changeId);
        return tx.execute(st -> {
            ChangeRequest c = repo.lock(changeId).orElseThrow(() -> refuse("changes.change.reject", changeId, notFound(changeId)));
            if (!EDITABLE.contains(c.state()) || !repo.transition(changeId, c.version(), EDITABLE, ChangeState.REJECTED, reason, clock.instant())) {
                throw refuse("changes.change.reject", changeId, new ChangeRefusedException("not-rejectable", "A " + c.state() + " change cannot be rejected"));
            }
            audit.append(AuditEntry.succeeded("changes.change.reject", "change", changeId, Map.of("reason", reason)));
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
        return HELD.contains(change.state()) && change.updatedAt().isBefore(clock.instant().minus(stuckAfter));
    }

    @Override
    public ChangeRequest resetStuck(String changeId) {
        Actors.current();
        if (!CurrentRoles.has(ConsoleRole.OPERATOR)) {
            throw refuse("changes.change.reset", changeId, new ChangeRefusedException("missing-role", "Only operators may reset a stuck change"));
        }
        return tx.execute(st -> {
            ChangeRequest c = repo.lock(changeId).orElseThrow(() -> refuse("changes.change.reset", changeId, notFound(changeId)));
            if (!isStuck(c)) {
                throw refuse("changes.change.reset", changeId, new ChangeRefusedException("not-stuck", HELD.contains(c.state())
                        ? "Change " + changeId + " has been " + c.state() + " only since " + c.updatedAt() + "; it may still be running (stuck after " + stuckAfter + ")"
                        : "A " + c.state() + " change is not stuck"));
            }
            Instant since = c.updatedAt();
            boolean applying = c.state() == ChangeState.APPLYING;
            ChangeState next = applying ? ChangeState.FAILED : ChangeState.SUBMITTED;
            String reason = applying
                    ? "Apply interrupted (held in APPLYING since " + since + "): it may have run in part or in full. Run a drift check of "
                            + c.targetId() + " before anything else; the board never re-applies it by itself"
                    : "Check interrupted (held in CHECKING since " + since + "): run the checks again";
            if (!repo.transition(changeId, c.version(), List.of(c.state()), next, reason, clock.instant())) {
                throw refuse("changes.change.reset", changeId, stale(changeId, c.version()));
            }
            audit.append(AuditEntry.succeeded("changes.change.reset", "change", changeId, Map.of("from", c.state().dbValue(),
                    "to", next.dbValue(), "heldSince", since.toString(), "reason", reason)));
            return repo.find(changeId).orElseThrow();
        });
    }

    private String operator(String action, @Nullable String subject) {
        String who = Actors.current();
        if (!Actors.isOperator()) {
            throw refuse(action, subject, new ChangeRefusedException("missing-role", "Only operators may do this"));
        }
        return who;
    }

    /** Reading changes (their SQL, checks and state) needs a console role; refusals are audited. */
    private void reader(String action, @Nullable String subject) {
        Actors.current();
        if (!(Actors.isOperator() || CurrentRoles.has(ConsoleRole.COMPLIANCE) || CurrentRoles.has(ConsoleRole.SUPPORT))) {
            throw refuse(action, subject, new ChangeRefusedException("missing-role", "Reading change requests needs a console role"));
        }
    }

    private ChangeRefusedException refuse(String action, @Nullable String subject, ChangeRefusedException e) {
        audit.appendRefusal(AuditEntry.refused(action, "change", subject, Map.of("reason", e.reason(), "message", e.getMessage())));
        return e;
    }

    static ChangeRefusedException notFound(String id) {
        return new ChangeRefusedException("unknown-change", "No change request " + id);
    }

    static ChangeRefusedException stale(String id, int version) {
        return new ChangeRefusedException("stale-version", "Change " + id + " was modified since version " + version);
    }
}
