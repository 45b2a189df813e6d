package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.PolicyPack.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Templates of the restrictive policies behind each {@link Rule}. In the shared schema they exist
 * once and switch on per tenant (its rules sit in {@code platform.tenant_role}), so the number of
 * policies does not grow with the number of tenants; in a dedicated database only the tenant's
 * rules are created.
 */
final class PolicyPacks {

    private PolicyPacks() {
    }

    static List<String> sharedRulePolicies() {
        List<String> sql = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            String on = "coalesce((select platform.current_tenant_rules()) @> array['" + rule.code() + "']::text[], false)";
            add(sql, RegionDdl.SHARED_SCHEMA, rule, "tenant_base", on);
        }
        return sql;
    }

    static List<String> dedicatedRulePolicies(String role, PolicyPack pack) {
        List<String> sql = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            for (String[] p : templates(rule, RegionDdl.DEDICATED_SCHEMA)) {
                sql.add("drop policy if exists " + p[0] + " on " + p[1]);
            }
        }
        for (Rule rule : pack.rules()) {
            add(sql, RegionDdl.DEDICATED_SCHEMA, rule, RegionDdl.ident(role), "true");
        }
        return sql;
    }

    static String[] sharedRuleCodes(PolicyPack pack) {
        return pack.rules().stream().map(Rule::code).toArray(String[]::new);
    }

    private static void add(List<String> sql, String schema, Rule rule, String role, String active) {
        for (String[] p : templates(rule, schema)) {
            RegionDdl.policy(sql, p[1], p[0], "as restrictive " + p[2].formatted(role, active));
        }
    }

    /** name, table, body with %1$s = role and %2$s = "rule is on" condition. */
    private static List<String[]> templates(Rule rule, String schema) {
        String events = schema + ".event_log";
        String docs = schema + ".document";
        return switch (rule) {
            case EVENTS_APPEND_ONLY -> List.of(
                    new String[] {"rule_events_no_update", events, "for update to %1$s using (not %2$s)"},
                    new String[] {"rule_events_no_delete", events, "for delete to %1$s using (not %2$s)"});
            case NO_PUBLIC_DOCUMENTS -> List.of(
                    new String[] {"rule_no_public_insert", docs, "for insert to %1$s with check (classification <> 'public' or not %2$s)"},
                    new String[] {"rule_no_public_update", docs, "for update to %1$s using (true) with check (classification <> 'public' or not %2$s)"});
            case PAYMENT_DOCUMENTS_IMMUTABLE -> List.of(
                    new String[] {"rule_payment_no_update", docs, "for update to %1$s using (classification <> 'payment' or not %2$s)"},
                    new String[] {"rule_payment_no_delete", docs, "for delete to %1$s using (classification <> 'payment' or not %2$s)"});
        };
    }
}
