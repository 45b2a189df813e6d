package io.sextant.platform.tenancy;

import java.util.Locale;

/** Kinds of sensitive data a project holds; plans say which they allow. */
public enum DataClass {
    PERSONAL("personal data"), HEALTH("health data"), PAYMENT("payment data");

    private final String label;

    DataClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataClass of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }
}
