package io.sextant.platform.changes;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bounded reads of the change queue for screens that summarise it (the home page): each call reads
 * at most {@code limit} rows and counts at most {@link #COUNT_CAP} more, through an index, however
 * many changes exist. Refusals are audited like the board's.
 */
public interface ChangeQuery {

    /** Counts stop here: a screen says "100 or more", never counts a big table to the end. */
    int COUNT_CAP = 100;

    /**
     * Changes in NEEDS_APPROVAL that the current user may approve: not their own (nor a suggested
     * rewrite of their own), and their roles include the one the change requires. Longest waiting
     * first. Needs the OPERATOR or SECURITY_ADMIN role ({@code missing-role} otherwise).
     */
    Page awaitingMyApproval(int limit);

    /**
     * FAILED changes and changes held in CHECKING or APPLYING past the stuck timeout, most recent
     * first. Needs a console role that reads changes ({@code missing-role} otherwise).
     */
    Page failedOrStuck(int limit);

    /** Open (unresolved) alerts raised by the board's post-apply advisors, newest first. Same roles as {@link #failedOrStuck}. */
    AlertPage openAlerts(int limit);

    /** One change as a list line: no SQL. {@code stuck} marks a change held past the timeout. */
    record Headline(String changeId, String targetId, int sequence, String description, String author, ChangeState state,
                    @Nullable RiskLevel risk, @Nullable String requiredRole, @Nullable String stateReason, Instant since, boolean stuck) {
    }

    /**
     * @param items at most the limit asked for
     * @param total how many match, counted up to {@link #COUNT_CAP}
     * @param capped true when {@code total} stopped at the cap (there may be more)
     */
    record Page(List<Headline> items, int total, boolean capped) {
        public Page {
            items = List.copyOf(items);
        }

        /** How many match beyond {@code items}, as far as counted. */
        public int more() {
            return Math.max(0, total - items.size());
        }
    }

    record Alert(String source, String subjectId, String severity, String message, Instant raisedAt) {
    }

    record AlertPage(List<Alert> items, int total, boolean capped) {
        public AlertPage {
            items = List.copyOf(items);
        }

        public int more() {
            return Math.max(0, total - items.size());
        }
    }
}
