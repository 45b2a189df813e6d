package io.sextant.platform.changes;

import java.time.Instant;
import java.util.UUID;

/** Published (and persisted in ops.change_suggestion) whenever a provider suggests a rewrite. */
public record SuggestionMade(UUID suggestionId, String changeId, String provider, String suggestedSql, String rationale,
                             String requestedBy, Instant at) {
}
