package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of applying a change to its live target.
 *
 * @param attempts         tries, including retries after lock timeouts
 * @param advisors         post-apply checks; each either passed, found problems, or could not run
 * @param flagged          an advisor found problems or could not run (fail closed); an alert was raised
 * @param offeredRollback  the verified rollback, offered to the operators, never applied by itself
 * @param failure          why the apply failed (the change is then FAILED and the target's
 *                         transactional statements are rolled back)
 */
public record ApplyResult(String changeId, ChangeState state, int attempts, List<AdvisorResult> advisors, boolean flagged,
                          @Nullable String offeredRollback, @Nullable StatementFailure failure) {

    public ApplyResult {
        advisors = List.copyOf(advisors);
    }
}
