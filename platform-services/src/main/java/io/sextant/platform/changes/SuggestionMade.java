package io.sextant.platform.changes;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (and persisted in ops.change_suggestion, and in the audit chain with its output,
 * provider and model) whenever a provider suggests a rewrite.
 */
public record SuggestionMade(UUID suggestionId, String changeId, String provider, String model, String suggestedSql, String rationale,
                             String requestedBy, Instant at) {
}
