package io.sextant.platform.onboarding;

/** Row-level-security template packs the tenant's tables are provisioned with; packs combine. */
public enum PolicyPack {
    BASELINE("Baseline", "deny by default; a tenant's sessions see and change only that tenant's rows"),
    PERSONAL_DATA("Personal data", "reads of personal columns are logged; export and erasure of one person's rows"),
    PAYMENT("Payment", "payment columns readable only by a payments role; every read is logged"),
    HEALTH("Health", "health records readable only by named care roles; every read and change is logged");

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
