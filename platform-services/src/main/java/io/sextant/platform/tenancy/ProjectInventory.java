package io.sextant.platform.tenancy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a project is made of, read from the control plane and from its region's server catalogs:
 * the project graph draws this.
 *
 * @param storage       the schema (shared model) or database (dedicated model) that holds its rows
 * @param tables        every table holding its rows ({@link TenantTables}), each with its row-level security state and policies
 * @param apiKeys       active API key kinds and their visible prefixes (never the secrets)
 */
public record ProjectInventory(
        Project project,
        String organizationSlug,
        String planCode,
        String regionDisplayName,
        String systemIdentifier,
        @Nullable String role,
        String storage,
        List<TableInfo> tables,
        List<ApiKeyInfo> apiKeys,
        List<String> policyPackRules) {

    public record TableInfo(String name, boolean rlsEnabled, boolean rlsForced, long tenantRows, List<PolicyInfo> policies) {
    }

    public record PolicyInfo(String name, String command, boolean permissive, String using) {
    }

    public record ApiKeyInfo(String kind, String prefix) {
    }
}
