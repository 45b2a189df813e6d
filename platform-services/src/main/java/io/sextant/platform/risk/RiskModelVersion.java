package io.sextant.platform.risk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored, immutable model version and its review state: draft → proposed → published (the one
 * scoring the project's requests) → superseded, or rejected. {@code threshold} in thousandths.
 */
public record RiskModelVersion(String versionHash, UUID projectId, String source, String canonical, String featureDefinitions, long threshold,
        String author, Instant createdAt, String state, @Nullable String proposedBy, @Nullable Instant proposedAt,
        @Nullable String decidedBy, @Nullable Instant decidedAt) {
}
