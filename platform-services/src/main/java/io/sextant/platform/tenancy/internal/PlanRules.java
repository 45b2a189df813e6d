package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Plan;
import io.sextant.platform.tenancy.Preflight;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a plan forbids about a project's shape, as actionable sentences. Pure: unit-testable and deterministic. */
public final class PlanRules {

    private PlanRules() {
    }

    /**
     * @param defaultRegion the region a plan without region pinning places projects in
     * @param otherProjects the organisation's live projects besides this one
     */
    public static List<String> violations(Plan plan, List<Plan> all, IsolationModel isolation, Set<DataClass> dataClasses,
            String region, String defaultRegion, int otherProjects) {
        return check(plan, all, isolation, dataClasses, region, defaultRegion, otherProjects).stream()
                .filter(c -> c.outcome() == Preflight.Outcome.FAILED).map(Preflight.Check::detail).toList();
    }

    /** One preflight check per limit: isolation, data classes, region pinning, project count. */
    public static List<Preflight.Check> check(Plan plan, List<Plan> all, IsolationModel isolation, Set<DataClass> dataClasses,
            String region, String defaultRegion, int otherProjects) {
        List<Preflight.Check> checks = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (!plan.allowedIsolation().contains(isolation)) {
            reasons.add("Plan " + plan.displayName() + " does not allow " + isolation.dbValue() + " isolation: choose "
                    + cheapest(all, p -> p.allowedIsolation().contains(isolation)) + " or shared isolation.");
        }
        record(checks, reasons, "plan-allows-isolation", "Plan " + plan.displayName() + " allows " + isolation.dbValue() + " isolation.");
        for (DataClass d : dataClasses) {
            if (!plan.allowedDataClasses().contains(d)) {
                reasons.add("Plan " + plan.displayName() + " does not allow " + d.label() + ": choose "
                        + cheapest(all, p -> p.allowedDataClasses().contains(d)) + " or do not store " + d.label() + ".");
            }
        }
        record(checks, reasons, "plan-allows-data-classes", "Plan " + plan.displayName() + " allows the data classes chosen.");
        if (!plan.regionPinning() && !region.equals(defaultRegion)) {
            reasons.add("Plan " + plan.displayName() + " places projects in " + defaultRegion + " and does not allow pinning "
                    + region + ": choose " + cheapest(all, Plan::regionPinning) + " or region " + defaultRegion + ".");
        }
        record(checks, reasons, "plan-allows-region", "Plan " + plan.displayName() + " allows region " + region + ".");
        if (otherProjects + 1 > plan.maxProjects()) {
            reasons.add("Plan " + plan.displayName() + " allows " + plan.maxProjects() + " projects and the organisation has "
                    + otherProjects + ": delete one or choose " + cheapest(all, p -> p.maxProjects() > otherProjects) + ".");
        }
        record(checks, reasons, "plan-project-count", "Plan " + plan.displayName() + " allows " + plan.maxProjects() + " projects; the organisation has " + otherProjects + ".");
        return checks;
    }

    private static void record(List<Preflight.Check> checks, List<String> reasons, String item, String passed) {
        checks.add(reasons.isEmpty() ? new Preflight.Check(item, Preflight.Outcome.PASSED, passed)
                : new Preflight.Check(item, Preflight.Outcome.FAILED, String.join(" ", reasons)));
        reasons.clear();
    }

    private static String cheapest(List<Plan> all, java.util.function.Predicate<Plan> fits) {
        return all.stream().filter(fits).min(java.util.Comparator.comparingInt(Plan::rank))
                .map(p -> "plan " + p.displayName()).orElse("another plan");
    }
}
