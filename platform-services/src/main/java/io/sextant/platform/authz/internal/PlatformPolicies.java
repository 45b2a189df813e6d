package io.sextant.platform.authz.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.Project;

/**
 * The platform's own row-level security on a tenant's tables — tenant isolation and the project's
 * policy-pack rules, installed by provisioning — written in the policy language, so the simulator
 * and explanations can give every policy's verdict. Every real simulation compares the engine's
 * prediction with what PostgreSQL did (Simulation.Result#agrees); PolicySimulatorTests and
 * TenantRowAccessTests check it on provisioned tenants (isolation, WITH CHECK, a policy pack).
 * Known difference (documented in docs/policy-language.md): the installed "no public documents"
 * update rule checks only the new row; the language checks a forbid on the old and the new row.
 */
public final class PlatformPolicies {

    private PlatformPolicies() {
    }

    /**
     * The platform rules that apply to a project's sessions, as policy text. {@code ownPolicy}: the
     * project (shared model) published its own table rules, so the platform's tenant-wide default
     * access is off for it; the tenant boundary always applies.
     */
    public static String forProject(Project p, boolean ownPolicy) {
        StringBuilder b = new StringBuilder("// Platform rules (installed by provisioning; not editable here)\n");
        if (p.isolation() == IsolationModel.SHARED) {
            b.append("rule platform_tenant_boundary: forbid select, insert, update, delete on * unless resource.tenant_id == principal.tenant;\n");
            if (!ownPolicy) {
                b.append("rule platform_tenant_select: permit select on * when resource.tenant_id == principal.tenant;\n");
                b.append("rule platform_tenant_insert: permit insert on * when resource.tenant_id == principal.tenant;\n");
                b.append("rule platform_tenant_update: permit update on * when resource.tenant_id == principal.tenant;\n");
                b.append("rule platform_tenant_delete: permit delete on * when resource.tenant_id == principal.tenant;\n");
            }
            if (p.readOnly()) {
                b.append("rule platform_read_only: forbid insert, update on *;\n");
            }
        } else if (!ownPolicy) {
            b.append("rule platform_tenant_all: permit select, insert, update, delete on *;\n");
        }
        for (PolicyPack.Rule r : p.policyPack().rules()) {
            switch (r) {
                case EVENTS_APPEND_ONLY -> b.append("rule platform_events_append_only: forbid update, delete on event_log;\n");
                case NO_PUBLIC_DOCUMENTS -> b.append(
                        "rule platform_no_public_documents: forbid insert, update on document when resource.classification == \"public\";\n");
                case PAYMENT_DOCUMENTS_IMMUTABLE -> b.append(
                        "rule platform_payment_immutable: forbid update, delete on document when resource.classification == \"payment\";\n");
            }
        }
        return b.toString();
    }
}
