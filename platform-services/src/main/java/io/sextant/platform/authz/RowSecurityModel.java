package io.sextant.platform.authz;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL's row-level security does with a command, computed by the evaluator — the
 * semantics the compiled policies have, stated once (and held to the database by the differential
 * test):
 * <ul>
 * <li>SELECT sees a row when select is allowed on it;</li>
 * <li>UPDATE … WHERE and DELETE … WHERE touch only rows they may see (select allowed) and may
 * change (update/delete allowed on the old row) — others are skipped silently, with no error;</li>
 * <li>an UPDATE whose new row is not allowed for update (WITH CHECK), or no longer visible (select),
 * fails with an error, and so does an INSERT of a row not allowed for insert.</li>
 * </ul>
 */
public final class RowSecurityModel {

    /** What happens to one row. */
    public enum RowOutcome {
        /** Seen (select) or changed (insert, update, delete). */
        ALLOWED,
        /** Hidden: select is not allowed on the row, so the command never sees it. */
        SKIPPED_NOT_VISIBLE,
        /** Visible but the command's own USING fails (update or delete not allowed on the old row). */
        SKIPPED_NOT_PERMITTED,
        /** The new row fails WITH CHECK (insert or update not allowed on it): the statement errors. */
        REFUSED_BY_CHECK,
        /** The new row of an UPDATE would no longer be visible to its author: the statement errors. */
        REFUSED_NOT_VISIBLE_AFTER
    }

    private final CompiledPolicy policy;
    private final Principal principal;
    private final RequestContext context;
    private final String table;

    public RowSecurityModel(CompiledPolicy policy, Principal principal, RequestContext context, String table) {
        this.policy = policy;
        this.principal = principal;
        this.context = context;
        this.table = table;
    }

    public DecisionRequest request(String action, Map<String, @Nullable Object> row) {
        return new DecisionRequest(null, principal, action, table, row, context);
    }

    private boolean allowed(String action, Map<String, @Nullable Object> row) {
        return policy.decide(request(action, row)) == Effect.ALLOW;
    }

    public RowOutcome select(Map<String, @Nullable Object> row) {
        return allowed("select", row) ? RowOutcome.ALLOWED : RowOutcome.SKIPPED_NOT_VISIBLE;
    }

    public RowOutcome delete(Map<String, @Nullable Object> row) {
        if (!allowed("select", row)) {
            return RowOutcome.SKIPPED_NOT_VISIBLE;
        }
        return allowed("delete", row) ? RowOutcome.ALLOWED : RowOutcome.SKIPPED_NOT_PERMITTED;
    }

    public RowOutcome update(Map<String, @Nullable Object> oldRow, Map<String, @Nullable Object> newRow) {
        if (!allowed("select", oldRow)) {
            return RowOutcome.SKIPPED_NOT_VISIBLE;
        }
        if (!allowed("update", oldRow)) {
            return RowOutcome.SKIPPED_NOT_PERMITTED;
        }
        if (!allowed("update", newRow)) {
            return RowOutcome.REFUSED_BY_CHECK;
        }
        return allowed("select", newRow) ? RowOutcome.ALLOWED : RowOutcome.REFUSED_NOT_VISIBLE_AFTER;
    }

    public RowOutcome insert(Map<String, @Nullable Object> newRow) {
        return allowed("insert", newRow) ? RowOutcome.ALLOWED : RowOutcome.REFUSED_BY_CHECK;
    }
}
