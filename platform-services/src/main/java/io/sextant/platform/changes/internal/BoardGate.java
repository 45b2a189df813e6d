package io.sextant.platform.changes.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The role check at the public entry points of the board's target-level services (shadow apply,
 * rollback round trip, drift): who may act, refusals audited on their own like every other board
 * refusal. Change-level services check in place with {@link Actors}.
 */
@Component
class BoardGate {

    static final List<ConsoleRole> OPERATORS = List.of(ConsoleRole.OPERATOR, ConsoleRole.SECURITY_ADMIN);
    static final List<ConsoleRole> DRIFT_READERS = List.of(ConsoleRole.OPERATOR, ConsoleRole.SECURITY_ADMIN, ConsoleRole.COMPLIANCE);

    private final AuditLog audit;

    BoardGate(AuditLog audit) {
        this.audit = audit;
    }

    /** Audits a refusal of a change-level action on its own (the caller's transaction rolls back) and returns it to throw. */
    ChangeRefusedException refuse(String action, @org.jspecify.annotations.Nullable String changeId, ChangeRefusedException e) {
        audit.appendRefusal(AuditEntry.refused(action, "change", changeId, Map.of("reason", e.reason(), "message", e.getMessage())));
        return e;
    }

    /**
     * The current actor, if {@link io.sextant.platform.changes.ChangeLifecycle#mayAct} lets them do {@code act} at all
     * (decided before the change is looked up, so a refusal says nothing about it).
     */
    io.sextant.platform.changes.ChangeLifecycle.Actor actor(String action, @org.jspecify.annotations.Nullable String changeId,
                                                          io.sextant.platform.changes.ChangeLifecycle.Action act) {
        Actors.current();
        var who = io.sextant.platform.changes.ChangeLifecycle.Actor.current();
        var may = io.sextant.platform.changes.ChangeLifecycle.mayAct(act, who);
        if (!may.allowed()) {
            throw refuse(action, changeId, may.refusal());
        }
        return who;
    }

    /**
     * Returns the current operator's name if they hold one of {@code roles}.
     *
     * @throws ChangeRefusedException {@code not-authenticated}, or {@code missing-role} (audited against the target)
     */
    String require(String action, String targetId, List<ConsoleRole> roles) {
        String who = Actors.current();
        if (roles.stream().noneMatch(CurrentRoles::has)) {
            ChangeRefusedException e = new ChangeRefusedException("missing-role", "This needs the "
                    + roles.stream().map(ConsoleRole::label).collect(Collectors.joining(" or ")) + " role");
            audit.appendRefusal(AuditEntry.refused(action, "change-target", targetId, Map.of("reason", e.reason(), "message", e.getMessage())));
            throw e;
        }
        return who;
    }
}
