package io.sextant.platform.changes;

import org.jspecify.annotations.Nullable;

/**
 * What an operator submits.
 *
 * @param targetId    where it goes
 * @param sequence    its version on that target: exactly one more than the target's latest live change
 * @param description why
 * @param forwardSql  the change
 * @param rollbackSql how to undo it; when absent the board derives one where it can
 */
public record ChangeSubmission(String targetId, int sequence, String description, String forwardSql,
                               @Nullable String rollbackSql) {
}
