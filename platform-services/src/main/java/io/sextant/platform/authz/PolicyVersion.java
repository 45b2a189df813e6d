package io.sextant.platform.authz;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored version of a project's policy; {@code state}: draft, proposed, published, superseded or rejected. */
public record PolicyVersion(String versionHash, UUID projectId, @Nullable String parentHash, String source, String author, Instant createdAt,
        String state, @Nullable String changeId, @Nullable Instant publishedAt, @Nullable String publishedBy) {
}
