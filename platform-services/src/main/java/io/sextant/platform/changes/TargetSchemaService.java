package io.sextant.platform.changes;

/**
 * What a change author sees of a target while writing a change: its schema tree and the lint a
 * submit shows, which knows the target's tables. Callers need the OPERATOR or SECURITY_ADMIN role
 * (as for reading changes); refusals are audited. Both read the live target through a read-only
 * session and never change it.
 */
public interface TargetSchemaService {

    /** Most relations one tree lists; a larger {@code limit} is lowered to it. */
    int MAX_TABLES = 500;

    /**
     * The target's schema tree, filtered and capped.
     *
     * @param filter case-insensitive substring of a relation's qualified name or of one of its column
     *               names; blank for everything
     * @param limit  most relations to list (1 to {@link #MAX_TABLES})
     * @throws ChangeRefusedException {@code missing-role}, {@code unknown-target}, {@code target-unavailable}
     */
    SchemaTree tree(String targetId, String filter, int limit);

    /**
     * Lints {@code forwardSql} as it would be submitted to the target now: every static rule, plus
     * {@code unknown-table} against the target's live relations and the changes queued on it
     * (neither applied nor rejected), in their order.
     *
     * @throws ChangeRefusedException {@code missing-role}, {@code unknown-target}, {@code target-unavailable}
     */
    LintReport lintDraft(String targetId, String forwardSql);
}
