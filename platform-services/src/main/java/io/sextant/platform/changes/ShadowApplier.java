package io.sextant.platform.changes;

/**
 * Applies a script to a shadow copy of a target and measures it. Never changes the live target:
 * it is read in a read-only session to snapshot its schema, sample its data and read its
 * statistics; everything else happens in a fresh database on the same server that is dropped
 * afterwards. See docs/decisions/D008-migration-review-board.md.
 */
public interface ShadowApplier {

    /**
     * Needs OPERATOR or SECURITY_ADMIN.
     *
     * @throws ChangeRefusedException {@code missing-role} (audited)
     * @throws UnknownTargetException if the target is unknown
     * @return the measurements; a statement PostgreSQL refuses ends the run with a {@link StatementFailure}
     */
    ShadowReport apply(String targetId, String forwardSql, ShadowOptions options, ShadowProgressListener listener);
}
