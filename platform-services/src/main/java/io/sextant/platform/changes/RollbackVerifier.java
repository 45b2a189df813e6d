package io.sextant.platform.changes;

import org.jspecify.annotations.Nullable;

/**
 * Verifies a rollback by round trip on a fresh shadow of the target (never the target itself):
 * snapshot and row checksums, forward, rollback, snapshot and checksums again, diff. Without a
 * given rollback it derives one where the statements allow (create index → drop index, add column
 * → drop column, grant → revoke, …) and marks truly irreversible statements. Both methods need
 * OPERATOR or SECURITY_ADMIN; anyone else gets {@link ChangeRefusedException} {@code missing-role}
 * (audited).
 */
public interface RollbackVerifier {

    /** @throws UnknownTargetException if the target is unknown */
    RollbackCheck verify(String targetId, String forwardSql, @Nullable String rollbackSql, int rowCap);

    /** The rollback the board would derive for {@code forwardSql} against the target's live schema, without running anything. */
    RollbackCheck derive(String targetId, String forwardSql);
}
