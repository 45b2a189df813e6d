package io.sextant.platform.onboarding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The onboarding rules table as a pure function: answers and edits in, a {@link DerivedSetup} out.
 * No clock, no I/O, no Spring; the plan and region catalogues are data given at construction, so
 * the same catalogues, answers and edits always give an equal setup. The table itself is
 * {@code docs/onboarding-rules.md}.
 */
public final class OnboardingRules {

    private final List<PlanTerms> plans;
    private final List<RegionTerms> regions;

    /**
     * @param plans the plans on offer, in any order (ranked by {@link PlanTerms#rank()})
     * @param regions the enabled regions, in any order ("first region" means lowest code)
     * @throws IllegalArgumentException if either catalogue is empty
     */
    public OnboardingRules(List<PlanTerms> plans, List<RegionTerms> regions) {
        if (plans.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("onboarding needs at least one plan and one region");
        }
        this.plans = plans.stream().sorted(Comparator.comparingInt(PlanTerms::rank)).toList();
        this.regions = regions.stream().sorted(Comparator.comparing(RegionTerms::code)).toList();
    }

    /**
     * Derives every item from the answers, applies the user's edits, and re-derives what depends on
     * them (an edit to dedicated isolation raises the plan, for instance). Items derived from
     * answers carry a reason naming one of those answers; what cannot be satisfied is listed in
     * {@link DerivedSetup#conflicts()}, each saying what to change. Edits are never silently
     * dropped: an edit the answers forbid stays, with its conflict.
     */
    public DerivedSetup derive(Intent intent, Overrides edits) {
        var conflicts = new ArrayList<Conflict>();
        var region = RegionRules.region(intent, edits, regions, conflicts);
        var isolation = ItemRules.isolation(intent, edits, conflicts);
        var packs = ItemRules.policyPacks(intent, edits, conflicts);
        var audit = ItemRules.auditRetention(intent, edits, conflicts);
        var backup = ItemRules.backup(intent, edits, conflicts);
        int longestAudit = plans.stream().mapToInt(PlanTerms::maxAuditRetentionDays).max().orElseThrow();
        var needs = PlanNeeds.of(intent, region, isolation, audit, backup, longestAudit);
        var plan = PlanRules.plan(intent, edits, plans, needs, conflicts);
        return new DerivedSetup(plan, region.item(), isolation.item(), packs.item(), audit.item(), backup.item(),
                conflicts);
    }

    /** Every rule id of the table, in table order; each appears in {@code docs/onboarding-rules.md}. */
    public static List<String> ruleIds() {
        return RulesTable.ids();
    }

    public List<PlanTerms> plans() {
        return plans;
    }

    public List<RegionTerms> regions() {
        return regions;
    }
}
