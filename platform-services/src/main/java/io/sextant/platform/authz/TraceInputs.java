package io.sextant.platform.authz;

/** How much of a decision's inputs a reader was given (D009, docs/authz-traces.md). */
public enum TraceInputs {
    /** Every input value, as recorded. */
    COMPLETE,
    /**
     * The row's values (the resource's attributes and what conditions read from them) replaced by
     * {@link TraceMask#MASKED}, column names kept: the reader may not see this tenant's rows.
     */
    ROW_VALUES_MASKED,
    /** The inputs were purged (erasure): every value is {@link TraceMask#PURGED}; their hash still anchors the trace. */
    PURGED
}
