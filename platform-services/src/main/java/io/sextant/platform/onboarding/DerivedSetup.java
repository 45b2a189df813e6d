package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.IsolationModel;
import java.util.List;
import java.util.Set;

/**
 * Everything the wizard proposes for a new tenant, each item with its reason, and the conflicts
 * that stop it from being applied as it stands.
 */
public record DerivedSetup(
        DerivedItem<PlanTerms> plan,
        DerivedItem<RegionTerms> region,
        DerivedItem<IsolationModel> isolation,
        DerivedItem<Set<PolicyPack>> policyPacks,
        DerivedItem<Integer> auditRetentionDays,
        DerivedItem<BackupTarget> backup,
        List<Conflict> conflicts) {

    public DerivedSetup {
        conflicts = List.copyOf(conflicts);
    }

    /** True when there is no conflict: the setup can go to preflight. */
    public boolean isReady() {
        return conflicts.isEmpty();
    }

    /** The items in display order. */
    public List<DerivedItem<?>> items() {
        return List.of(plan, region, isolation, policyPacks, auditRetentionDays, backup);
    }
}
