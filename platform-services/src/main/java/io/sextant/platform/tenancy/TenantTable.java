package io.sextant.platform.tenancy;

import java.util.List;

/**
 * One table that holds a tenant's rows, as its server's catalogs describe it now (so a table the
 * review board added is included the moment it exists).
 *
 * @param schema     its namespace
 * @param name       its name, unquoted
 * @param tenantKey  it has the tenant key, a {@code tenant_id uuid not null} column; in the shared
 *                   model only such a table's rows can be told apart by tenant (and exported,
 *                   counted or erased per tenant)
 * @param references the tables of the same set its foreign keys point to ({@link #key()} form, itself excluded)
 * @param primaryKey its primary key columns, in key order (empty if none): a stable export order
 * @param rlsEnabled row-level security is enabled
 * @param rlsForced  row-level security applies to the table's owner too
 * @param ownerReadsAll the platform's owner role sees every row (row security is not forced, or a permissive
 *                   {@code using (true)} policy for all commands names it and no restrictive one does): otherwise
 *                   export, erasure and metering would silently miss rows, so they refuse the table instead
 */
public record TenantTable(String schema, String name, boolean tenantKey, List<String> references, List<String> primaryKey,
        boolean rlsEnabled, boolean rlsForced, boolean ownerReadsAll) {

    public TenantTable {
        references = List.copyOf(references);
        primaryKey = List.copyOf(primaryKey);
    }

    /** {@code schema.name}, unquoted: for display, maps and {@link #references()}. */
    public String key() {
        return schema + "." + name;
    }

    /** The name as SQL: both parts quoted, whatever characters they hold. */
    public String sql() {
        return quote(schema) + "." + quote(name);
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
