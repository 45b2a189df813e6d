package io.sextant.platform.authz;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored version of a project's policy; {@code state}: draft, proposed, published, superseded or
 * rejected. A proposed version with a {@code changeId} is published through the review board; one
 * without waits for a security admin's approval ({@link PolicyApprovals}).
 */
public record PolicyVersion(String versionHash, UUID projectId, @Nullable String parentHash, String source, String author, Instant createdAt,
        String state, @Nullable String changeId, @Nullable Instant publishedAt, @Nullable String publishedBy, @Nullable String proposedBy) {

    /** Proposed and waiting for a security admin's approval (API rules only: nothing for the review board). */
    public boolean awaitsApproval() {
        return state.equals("proposed") && changeId == null;
    }
}
