package io.sextant.platform.changes;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change request as stored.
 *
 * @param changeId        deterministic: SHA-256 of the target id and the normalised forward and rollback SQL at
 *                        first submission (resubmitting the same content to the same target returns the same
 *                        change); stays the same across revisions
 * @param sequence        the change's place in its target's queue (submission order, never reused); the
 *                        version it applies as is fixed only when it applies ({@code appliedVersion})
 * @param contentHash     hash of the current normalised forward and rollback SQL; approvals are bound to it
 * @param forwardChecksum SHA-256 of the exact forward SQL, verified again before apply
 * @param rollbackDerived the rollback was derived by the board, not written by the author
 * @param requiredRole    who must approve (null until checked, or when no approval is needed)
 * @param flagged         a post-apply advisor failed or could not run; see the alerts
 * @param version         optimistic-locking version, incremented by every transition
 * @param revision        1 at submission, one more with each revision (the id stays, the content hash moves)
 * @param appliedVersion  the target's version this change applied as (its applied count + 1 then); null until applied
 */
public record ChangeRequest(String changeId, String targetId, int sequence, String description, String author,
                            String forwardSql, @Nullable String rollbackSql, boolean rollbackDerived, String contentHash,
                            String forwardChecksum, ChangeState state, @Nullable RiskLevel risk,
                            @Nullable String requiredRole, boolean flagged, @Nullable String stateReason,
                            Instant createdAt, Instant updatedAt, int version, int revision,
                            @Nullable Integer appliedVersion) {
}
