package io.sextant.platform.authz;

import java.util.List;

/**
 * Where compiled row-level security goes: the database role the policies apply to ({@code TO}), the
 * SQL expression that yields the session's tenant from its login role, the settings that carry the
 * request's claims and context as JSON, the tables, the prefix of generated policy names, and
 * whether to emit the table grants the rules need.
 */
public record SqlTarget(String role, String tenantExpression, String claimsSetting, String contextSetting, List<TableSchema> tables,
        String policyPrefix, boolean manageGrants) {

    public static final String CLAIMS_SETTING = "request.claims";
    public static final String CONTEXT_SETTING = "request.context";

    public SqlTarget {
        tables = List.copyOf(tables);
    }

    /** A target with the standard settings and the platform's tenant function. */
    public static SqlTarget of(String role, List<TableSchema> tables) {
        return new SqlTarget(role, "platform.current_tenant_id()", CLAIMS_SETTING, CONTEXT_SETTING, tables, "sx", false);
    }
}
