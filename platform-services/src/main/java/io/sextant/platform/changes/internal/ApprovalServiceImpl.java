package io.sextant.platform.changes.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.Approval;
import io.sextant.platform.changes.ApprovalService;
import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.identity.ConsoleRole;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * See {@link ApprovalService}. The change row is locked for the duration, so concurrent approvers
 * queue: the first moves the change to APPROVED, the next finds it approved and only adds its name.
 */
@Service
class ApprovalServiceImpl implements ApprovalService {

    private final JooqChangeRepository repo;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ChangeQueue queue;

    ApprovalServiceImpl(JooqChangeRepository repo, ChangeQueue queue, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.repo = repo;
        this.queue = queue;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public ChangeRequest approve(String changeId, String contentHash) {
        String who = Actors.current();
        // Only operators and security admins approve anything: decide that before saying whether the change exists.
        if (!Actors.isOperator()) {
            throw refuse(changeId, new ChangeRefusedException("missing-role", "Approving changes needs the Operator or Security admin role"));
        }
        if (contentHash == null || contentHash.isBlank()) {
            throw refuse(changeId, new ChangeRefusedException("missing-content-hash", "Send the content hash of the version you reviewed"));
        }
        return tx.execute(st -> {
            ChangeRequest c = repo.lock(changeId).orElseThrow(() -> refuse(changeId, ChangeRequestServiceImpl.notFound(changeId)));
            if (!c.contentHash().equals(contentHash)) {
                throw refuse(changeId, new ChangeRefusedException("content-changed",
                        "The change was revised since you reviewed it (content " + abbrev(contentHash) + " is now " + abbrev(c.contentHash()) + ")"));
            }
            // self-approval, the required role and the state: one decision, the same one the change screen shows
            var d = ChangeLifecycle.decide(ChangeLifecycle.Action.APPROVE, c, ChangeLifecycle.Actor.current(), queue.situation(c, false));
            if (!d.allowed()) {
                throw refuse(changeId, d.refusal());
            }
            ConsoleRole role = c.requiredRole() == null ? ConsoleRole.OPERATOR : ConsoleRole.valueOf(c.requiredRole());
            repo.insertApproval(new Approval(changeId, contentHash, who, role.name(), clock.instant()));
            if (c.state() == ChangeState.NEEDS_APPROVAL) {
                repo.transition(changeId, c.version(), List.of(ChangeState.NEEDS_APPROVAL), ChangeState.APPROVED, null, clock.instant());
            }
            audit.append(AuditEntry.succeeded("changes.change.approve", "change", changeId,
                    Map.of("contentHash", contentHash, "role", role.name())));
            return repo.find(changeId).orElseThrow();
        });
    }

    @Override
    public List<Approval> currentApprovals(String changeId) {
        return tx.execute(st -> repo.find(changeId).map(c -> repo.approvals(changeId, c.contentHash())).orElse(List.of()));
    }

    private ChangeRefusedException refuse(String changeId, ChangeRefusedException e) {
        audit.appendRefusal(AuditEntry.refused("changes.change.approve", "change", changeId, Map.of("reason", e.reason())));
        return e;
    }

    private static String abbrev(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
