package io.sextant.platform.onboarding;

/**
 * Row-level-security template packs the tenant's tables are provisioned with; packs combine (the
 * tenant gets every rule of every pack). A description says only what the pack installs today;
 * what is not built yet is called planned ({@code PromisedWordsTests} keeps it that way).
 */
public enum PolicyPack {
    BASELINE("Baseline", "deny by default; a tenant's sessions see and change only that tenant's rows"),
    PERSONAL_DATA("Personal data", "the event log is append-only: the tenant's sessions can neither change nor delete its events;"
            + " per-person export and erasure are planned"),
    PAYMENT("Payment", "as personal data, and documents classified payment can be neither changed nor deleted"),
    HEALTH("Health", "as personal data, and no document may be classified public");

    private final String label;
    private final String description;

    PolicyPack(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
