package io.sextant.platform.authz;

import io.sextant.platform.changes.ChangeRequest;
import org.jspecify.annotations.Nullable;

/**
 * A version proposed for publishing, and how it will be published: through the review board
 * ({@code change}: its row-level security is a change request there), or — when publishing it
 * installs or removes no row-level security at all, so there is no SQL for the board to check —
 * by the approval of a security admin who is neither its author nor its proposer
 * ({@link PolicyApprovals}; {@code change} is null).
 */
public record PolicyProposal(PolicyVersion version, @Nullable ChangeRequest change) {

    public boolean onReviewBoard() {
        return change != null;
    }
}
