package io.sextant.platform.changes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A logged suggestion.
 *
 * @param candidateChangeId the change request created when an operator accepted it, else null
 * @param lint              the suggested SQL linted like any change, shown with it: a suggestion is
 *                          never offered without its findings
 */
public record Suggestion(UUID suggestionId, String changeId, String provider, String suggestedSql, String rationale,
                         Instant createdAt, String createdBy, @Nullable String candidateChangeId, LintReport lint) {
}
