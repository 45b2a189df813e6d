package io.sextant.platform.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCEEDED,
    REFUSED,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
