package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.changes.ChangeLifecycle.Action;
import io.sextant.platform.changes.ChangeLifecycle.Actor;
import io.sextant.platform.changes.ChangeLifecycle.Outcome;
import io.sextant.platform.changes.ChangeLifecycle.Situation;
import io.sextant.platform.identity.ConsoleRole;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state machine on its own: every action from every state, for each kind of actor, and what the queue adds. */
class ChangeLifecycleTests {

    static final Actor AUTHOR = new Actor("alice", Set.of(ConsoleRole.OPERATOR));
    static final Actor OPERATOR = new Actor("bob", Set.of(ConsoleRole.OPERATOR));
    static final Actor SECURITY_ADMIN = new Actor("sam", Set.of(ConsoleRole.SECURITY_ADMIN));
    static final Actor SUPPORT = new Actor("sue", Set.of(ConsoleRole.SUPPORT));

    static ChangeRequest change(ChangeState state, String requiredRole) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new ChangeRequest("c".repeat(64), "t", 1, "d", "alice", "select 1", null, false, "h", "k", state, null, requiredRole,
                false, null, now, now, 0, 1, null);
    }

    @Test
    void everyActionFromEveryStateFollowsTheDiagram() {
        for (ChangeState state : ChangeState.values()) {
            for (Action action : Action.values()) {
                Situation s = new Situation(null, null, true, null, null);
                var d = ChangeLifecycle.decide(action, change(state, null), action == Action.APPROVE ? OPERATOR : OPERATOR, s);
                boolean expected = switch (action) {
                    case CHECK -> EnumSet.of(ChangeState.SUBMITTED, ChangeState.NEEDS_APPROVAL, ChangeState.APPROVED, ChangeState.FAILED).contains(state);
                    case APPROVE -> state == ChangeState.NEEDS_APPROVAL || state == ChangeState.APPROVED;
                    case APPLY -> state == ChangeState.APPROVED;
                    case REJECT -> EnumSet.of(ChangeState.SUBMITTED, ChangeState.CHECKING, ChangeState.NEEDS_APPROVAL, ChangeState.APPROVED,
                            ChangeState.FAILED).contains(state);
                    case REVISE -> !EnumSet.of(ChangeState.APPLYING, ChangeState.APPLIED, ChangeState.ABANDONED).contains(state);
                    case ABANDON -> !EnumSet.of(ChangeState.CHECKING, ChangeState.APPLYING, ChangeState.APPLIED, ChangeState.ABANDONED).contains(state);
                    case RESET -> state == ChangeState.CHECKING || state == ChangeState.APPLYING;
                };
                assertThat(d.allowed()).as(action + " from " + state + ": " + d.reason()).isEqualTo(expected);
                if (!expected) {
                    assertThat(d.outcome()).isEqualTo(Outcome.WRONG_STATE);
                    assertThat(d.reason()).isNotBlank();
                }
            }
        }
        assertThat(ChangeLifecycle.decide(Action.RESET, change(ChangeState.APPLYING, null), OPERATOR, Situation.CLEAR).code()).isEqualTo("not-stuck");
    }

    @Test
    void rolesAndAuthorshipComeBeforeTheStateAndSayWhoMay() {
        for (Action action : Action.values()) {
            var d = ChangeLifecycle.decide(action, change(ChangeState.SUBMITTED, null), SUPPORT, Situation.CLEAR);
            assertThat(d.outcome()).as(action.name()).isEqualTo(Outcome.NOT_YOU);
            assertThat(d.code()).isEqualTo("missing-role");
        }
        assertThat(ChangeLifecycle.decide(Action.ABANDON, change(ChangeState.FAILED, null), SECURITY_ADMIN, Situation.CLEAR).reason())
                .contains("Operator role");
        assertThat(ChangeLifecycle.decide(Action.REVISE, change(ChangeState.FAILED, null), SECURITY_ADMIN, Situation.CLEAR).allowed()).isTrue();
        ChangeRequest security = change(ChangeState.NEEDS_APPROVAL, "SECURITY_ADMIN");
        assertThat(ChangeLifecycle.decide(Action.APPROVE, security, AUTHOR, Situation.CLEAR).code()).isEqualTo("self-approval");
        assertThat(ChangeLifecycle.decide(Action.APPROVE, security, OPERATOR, Situation.CLEAR).reason()).contains("Security admin");
        assertThat(ChangeLifecycle.decide(Action.APPROVE, security, SECURITY_ADMIN, Situation.CLEAR).allowed()).isTrue();
        assertThat(ChangeLifecycle.decide(Action.APPROVE, change(ChangeState.NEEDS_APPROVAL, null), OPERATOR,
                new Situation(null, null, false, "bob", null)).code()).isEqualTo("self-approval");
    }

    @Test
    void applyWaitsForTheChangeAheadAndForADriftCheckAfterAFailedApply() {
        ChangeRequest approved = change(ChangeState.APPROVED, null);
        var behind = ChangeLifecycle.decide(Action.APPLY, approved, OPERATOR, new Situation("a".repeat(64), null, false, null, null));
        assertThat(behind.outcome()).isEqualTo(Outcome.WAIT);
        assertThat(behind.code()).isEqualTo("out-of-order");
        assertThat(behind.reason()).contains("aaaaaaaaaaaa");
        var held = ChangeLifecycle.decide(Action.APPLY, approved, OPERATOR, new Situation("a".repeat(64), "f".repeat(64), false, null, null));
        assertThat(held.code()).isEqualTo("target-held");
        assertThat(held.reason()).contains("ffffffffffff", "drift check");
        assertThat(ChangeLifecycle.inLine(ChangeState.REJECTED)).isFalse();
        var taken = ChangeLifecycle.decide(Action.REVISE, change(ChangeState.REJECTED, null), OPERATOR, new Situation(null, null, false, null, "b".repeat(64)));
        assertThat(taken.code()).isEqualTo("place-taken");
        assertThat(taken.reason()).contains("bbbbbbbbbbbb", "revise that change instead");
        assertThat(ChangeLifecycle.inLine(ChangeState.FAILED)).isTrue();
    }
}
