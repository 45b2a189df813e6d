package io.sextant.platform.tenancy;

import java.util.Locale;

/**
 * How a project's data is kept apart from other tenants'. SHARED: rows in shared tables of the
 * region's server, with a tenant key enforced by forced row-level security. DEDICATED: its own
 * database on the region's server.
 */
public enum IsolationModel {
    SHARED, DEDICATED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IsolationModel of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }
}
