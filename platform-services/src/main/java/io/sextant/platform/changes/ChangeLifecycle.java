package io.sextant.platform.changes;

import io.sextant.platform.identity.ConsoleRole;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one home of a change request's state machine: for an action, a change, who asks and where
 * the change stands in its target's queue, whether the action is allowed and, if not, why in a
 * sentence. The board's services refuse through it (with {@link Decision#code()} as the refusal's
 * reason) and the console's change screen shows, disables or hides its buttons through it. See
 * D008, "Revise, abandon, version at apply".
 *
 * <pre>
 * SUBMITTED → CHECKING → NEEDS_APPROVAL → APPROVED → APPLYING → APPLIED
 *                      ↘ APPROVED (no approval needed)        ↘ FAILED (holds the target: drift check first)
 *                      ↘ FAILED (blocked in checks)
 * REVISE: SUBMITTED, CHECKING, NEEDS_APPROVAL, APPROVED, FAILED, REJECTED → SUBMITTED (revision + 1, approvals void)
 * CHECK again: SUBMITTED, NEEDS_APPROVAL, APPROVED, FAILED (after the live schema moved, say)
 * REJECT: SUBMITTED, CHECKING, NEEDS_APPROVAL, APPROVED, FAILED → REJECTED (out of the line, revisable)
 * ABANDON: SUBMITTED, NEEDS_APPROVAL, APPROVED, FAILED, REJECTED → ABANDONED (terminal)
 * RESET (stuck only): CHECKING → SUBMITTED, APPLYING → FAILED
 * </pre>
 */
public final class ChangeLifecycle {

    private ChangeLifecycle() {
    }

    /** What someone may do to a change request. */
    public enum Action {
        CHECK, APPROVE, APPLY, REJECT, REVISE, ABANDON, RESET;

        /** The refusal code when the change's state does not allow the action. */
        String wrongStateCode() {
            return switch (this) {
                case CHECK -> "not-checkable";
                case APPROVE -> "not-awaiting-approval";
                case APPLY -> "not-approved";
                case REJECT -> "not-rejectable";
                case REVISE -> "not-revisable";
                case ABANDON -> "not-abandonable";
                case RESET -> "not-stuck";
            };
        }

        String verb() {
            return name().toLowerCase(Locale.ROOT).replace("reset", "reset as stuck");
        }
    }

    /** How a decision reads on a screen: allowed; not in this state (hide it); not you (disable, say who may); wait (disable, say for what). */
    public enum Outcome {
        ALLOWED, WRONG_STATE, NOT_YOU, WAIT
    }

    /** A decision: {@code code} and {@code reason} are null exactly when it is allowed. */
    public record Decision(Action action, Outcome outcome, @Nullable String code, @Nullable String reason) {

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        /** The refusal to throw (the caller audits it). */
        public ChangeRefusedException refusal() {
            return new ChangeRefusedException(code == null ? "allowed" : code, reason == null ? "allowed" : reason);
        }
    }

    /** Who asks: their name and console roles. */
    public record Actor(String name, Set<ConsoleRole> roles) {

        public Actor {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        /** The signed-in user (an empty actor when nobody is signed in: every action is then refused for its role). */
        public static Actor current() {
            var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            Set<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
            for (ConsoleRole r : ConsoleRole.values()) {
                if (io.sextant.platform.identity.CurrentRoles.has(r)) {
                    roles.add(r);
                }
            }
            return new Actor(a == null ? "" : a.getName(), roles);
        }

        public boolean has(ConsoleRole role) {
            return roles.contains(role);
        }

        boolean operator() {
            return has(ConsoleRole.OPERATOR) || has(ConsoleRole.SECURITY_ADMIN);
        }
    }

    /**
     * Where the change stands beyond its own row.
     *
     * @param ahead            an unfinished change ahead of it in its target's queue (it applies, or is revised or
     *                         abandoned, first), or null
     * @param heldBy           the change whose apply failed on this target, while no drift check has run since; null
     *                         when the target is not held
     * @param stuck            held in CHECKING or APPLYING past the timeout
     * @param supersededAuthor the author of the change this one was accepted in place of (a suggested rewrite)
     * @param placeTakenBy     for a rejected change: the change now in line at its place (a rewrite accepted in its
     *                         place), which is the one to revise
     */
    public record Situation(@Nullable String ahead, @Nullable String heldBy, boolean stuck, @Nullable String supersededAuthor,
                            @Nullable String placeTakenBy) {

        public static final Situation CLEAR = new Situation(null, null, false, null, null);
    }

    private static final Set<ChangeState> CHECKABLE = EnumSet.of(ChangeState.SUBMITTED, ChangeState.NEEDS_APPROVAL,
            ChangeState.APPROVED, ChangeState.FAILED);
    private static final Set<ChangeState> REVISABLE = EnumSet.of(ChangeState.SUBMITTED, ChangeState.CHECKING,
            ChangeState.NEEDS_APPROVAL, ChangeState.APPROVED, ChangeState.FAILED, ChangeState.REJECTED);
    private static final Set<ChangeState> REJECTABLE = EnumSet.of(ChangeState.SUBMITTED, ChangeState.CHECKING,
            ChangeState.NEEDS_APPROVAL, ChangeState.APPROVED, ChangeState.FAILED);
    private static final Set<ChangeState> ABANDONABLE = EnumSet.of(ChangeState.SUBMITTED, ChangeState.NEEDS_APPROVAL,
            ChangeState.APPROVED, ChangeState.FAILED, ChangeState.REJECTED);

    /** The states an action starts from: the services' conditional updates name exactly these. */
    public static Set<ChangeState> from(Action action) {
        return switch (action) {
            case CHECK -> CHECKABLE;
            case APPROVE -> EnumSet.of(ChangeState.NEEDS_APPROVAL, ChangeState.APPROVED);
            case APPLY -> EnumSet.of(ChangeState.APPROVED);
            case REJECT -> REJECTABLE;
            case REVISE -> REVISABLE;
            case ABANDON -> ABANDONABLE;
            case RESET -> EnumSet.of(ChangeState.CHECKING, ChangeState.APPLYING);
        };
    }

    /** Unfinished changes keep their place in the queue and hold back the ones behind them. */
    public static boolean inLine(ChangeState state) {
        return state != ChangeState.APPLIED && state != ChangeState.REJECTED && state != ChangeState.ABANDONED;
    }

    /** The role an action needs, before anything about the change is known (so a refusal says nothing about it). */
    public static Decision mayAct(Action action, Actor who) {
        boolean ok = switch (action) {
            case ABANDON, RESET -> who.has(ConsoleRole.OPERATOR);
            default -> who.operator();
        };
        if (ok) {
            return allow(action);
        }
        String role = action == Action.ABANDON || action == Action.RESET ? "the Operator role" : "the Operator or Security admin role";
        return new Decision(action, Outcome.NOT_YOU, "missing-role", "To " + action.verb() + " a change you need " + role);
    }

    /** Whether {@code who} may do {@code action} to {@code change} now, and if not, why. */
    public static Decision decide(Action action, ChangeRequest change, Actor who, Situation situation) {
        Decision role = mayAct(action, who);
        if (!role.allowed()) {
            return role;
        }
        // the state first: what this state does not allow is not offered at all, to anyone
        if (!from(action).contains(change.state()) || action == Action.RESET && !situation.stuck()) {
            return new Decision(action, Outcome.WRONG_STATE, action.wrongStateCode(), wrongState(action, change));
        }
        if (action == Action.APPROVE) {
            Decision approver = approver(change, who, situation);
            if (!approver.allowed()) {
                return approver;
            }
        }
        if (action == Action.REVISE && situation.placeTakenBy() != null) {
            return new Decision(action, Outcome.WAIT, "place-taken", "Its place in the queue of " + change.targetId() + " is now held by change "
                    + abbrev(situation.placeTakenBy()) + " (a rewrite accepted in its place): revise that change instead");
        }
        if (action == Action.APPLY) {
            if (situation.heldBy() != null) {
                return new Decision(action, Outcome.WAIT, "target-held", "Target " + change.targetId() + " is held: the apply of change "
                        + abbrev(situation.heldBy()) + " failed and may have run in part. Run a drift check of the target first");
            }
            if (situation.ahead() != null) {
                return new Decision(action, Outcome.WAIT, "out-of-order", "Change " + abbrev(situation.ahead())
                        + " is ahead of it in the queue of " + change.targetId() + ": it applies, or is revised or abandoned, first");
            }
        }
        return allow(action);
    }

    private static Decision approver(ChangeRequest c, Actor who, Situation s) {
        if (c.author().equals(who.name())) {
            return new Decision(Action.APPROVE, Outcome.NOT_YOU, "self-approval", "You wrote this change: someone else approves it");
        }
        if (who.name().equals(s.supersededAuthor())) {
            return new Decision(Action.APPROVE, Outcome.NOT_YOU, "self-approval",
                    "This change is a suggested rewrite of your own change: someone else approves it");
        }
        ConsoleRole needed = c.requiredRole() == null ? ConsoleRole.OPERATOR : ConsoleRole.valueOf(c.requiredRole());
        if (!who.has(needed)) {
            return new Decision(Action.APPROVE, Outcome.NOT_YOU, "missing-role", "Approving this change needs the " + needed.label() + " role");
        }
        return allow(Action.APPROVE);
    }

    private static String wrongState(Action action, ChangeRequest c) {
        String state = c.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String a = "aeiou".indexOf(state.charAt(0)) >= 0 ? "An " : "A ";
        return switch (action) {
            case APPLY -> "Change " + abbrev(c.changeId()) + " is " + state + ", not approved";
            case RESET -> a + state + " change is not stuck";
            case REVISE -> a + state + " change cannot be revised" + (c.state() == ChangeState.APPLIED
                    ? ": submit a new change that builds on it" : "");
            default -> a + state + " change cannot be " + switch (action) {
                case CHECK -> "checked now";
                case APPROVE -> "approved";
                case REJECT -> "rejected";
                default -> "abandoned";
            };
        };
    }

    private static Decision allow(Action action) {
        return new Decision(action, Outcome.ALLOWED, null, null);
    }

    static String abbrev(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }
}
