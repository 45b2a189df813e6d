package io.sextant.platform.changes;

/**
 * A change request's state: SUBMITTED → CHECKING → NEEDS_APPROVAL → APPROVED → APPLYING → APPLIED,
 * or REJECTED / FAILED (both revisable) / ABANDONED (terminal). Which moves are allowed, for whom and
 * when is decided in one place, {@link ChangeLifecycle}. APPLYING is held only while the board
 * applies it: the conditional move into it is what makes an apply happen exactly once.
 */
public enum ChangeState {
    SUBMITTED, CHECKING, NEEDS_APPROVAL, APPROVED, APPLYING, APPLIED, REJECTED, FAILED, ABANDONED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ChangeState of(String db) {
        return valueOf(db.toUpperCase(java.util.Locale.ROOT));
    }
}
