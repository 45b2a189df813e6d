package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.QueuedChange;
import io.sextant.platform.identity.ConsoleRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A target's queue, counted inside the caller's transaction: the one {@code nextSequence} rule,
 * where a change stands ({@link ChangeLifecycle.Situation}) and why it waits. Changes keep their
 * place (submission order); the version a change applies as is the target's applied count + 1 at
 * apply time, so a change that leaves the line (abandoned, rejected) never leaves a gap.
 */
@Component
class ChangeQueue {

    private final JooqChangeRepository changes;
    private final JooqQueueRepository queue;

    ChangeQueue(JooqChangeRepository changes, JooqQueueRepository queue) {
        this.changes = changes;
        this.queue = queue;
    }

    /** The version a change submitted now would apply as if every change in line ahead of it applies first. */
    int nextSequence(String targetId) {
        return changes.lastAppliedSequence(targetId) + queue.countInLine(targetId) + 1;
    }

    ChangeLifecycle.Situation situation(ChangeRequest c, boolean stuck) {
        String ahead = queue.firstInLineBefore(c.targetId(), c.sequence()).map(ChangeRequest::changeId).orElse(null);
        String placeTaken = c.state() == ChangeState.REJECTED ? queue.placeTakenBy(c.targetId(), c.sequence(), c.changeId()).orElse(null) : null;
        return new ChangeLifecycle.Situation(ahead, queue.holdingChange(c.targetId()).orElse(null), stuck,
                changes.authorOfSupersededOriginal(c.changeId()).orElse(null), placeTaken);
    }

    /** Every change of the target in queue order, with its version (fixed or projected) and why it waits. */
    List<QueuedChange> entries(String targetId, Predicate<ChangeRequest> stuck) {
        int version = changes.lastAppliedSequence(targetId);
        String held = queue.holdingChange(targetId).orElse(null);
        ChangeRequest first = null;
        List<QueuedChange> out = new ArrayList<>();
        List<ChangeRequest> all = changes.list(targetId);
        for (ChangeRequest c : all) {
            if (c.state() == ChangeState.APPLIED) {
                out.add(new QueuedChange(c, c.appliedVersion(), null));
            } else if (!ChangeLifecycle.inLine(c.state())) {
                out.add(new QueuedChange(c, null, c.state() != ChangeState.REJECTED ? null : all.stream()
                        .filter(o -> o != c && o.sequence() == c.sequence() && o.state() != ChangeState.REJECTED && o.state() != ChangeState.ABANDONED)
                        .findFirst().map(o -> "rejected: replaced at its place by change " + o.changeId().substring(0, 12))
                        .orElse("rejected: out of the line until it is revised (or abandon it)")));
            } else {
                out.add(new QueuedChange(c, ++version, waiting(c, first, held, stuck.test(c))));
                if (first == null) {
                    first = c;
                }
            }
        }
        return out;
    }

    private static @Nullable String waiting(ChangeRequest c, @Nullable ChangeRequest ahead, @Nullable String held, boolean stuck) {
        List<String> why = new ArrayList<>();
        String own = switch (c.state()) {
            case SUBMITTED -> "waiting for checks";
            case CHECKING -> stuck ? "stuck in checks: reset it" : "checks running";
            case NEEDS_APPROVAL -> "waiting for approval (" + (c.requiredRole() == null ? ConsoleRole.OPERATOR
                    : ConsoleRole.valueOf(c.requiredRole())).label() + ")";
            case APPLYING -> stuck ? "stuck applying: reset it, then run a drift check" : "applying";
            case FAILED -> c.changeId().equals(held) ? "failed in apply: run a drift check of " + c.targetId() + ", then revise or abandon it"
                    : "failed: revise, check again or abandon it";
            default -> null;
        };
        if (own != null) {
            why.add(own);
        }
        if (ahead != null) {
            why.add("behind change #" + ahead.sequence() + " (" + ahead.changeId().substring(0, 12) + ", "
                    + ahead.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        if (held != null && !held.equals(c.changeId())) {
            why.add("target held: drift check needed after the failed apply of change " + held.substring(0, 12));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }
}
