package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Onboarding a project into an existing organisation whose plan is lower than the setup needs moves
 * the whole organisation to that plan: its other projects get the new plan's limits and its price.
 * That is never silent — the operator confirms it by sending the target plan's code as
 * {@link TenantRequest#confirmPlanChange()}, and apply refuses it unconfirmed (issue 10).
 *
 * @param otherProjects the organisation's other projects (not deleted), by name
 * @param differences   what changes for every project of the organisation, e.g. "rows: 10,000 → 1,000,000"
 * @param confirmed     the request confirmed exactly this plan
 */
public record PlanChange(String organizationSlug, String organizationName, String fromPlan, String toPlan, String toPlanCode,
                         List<String> otherProjects, List<String> differences, boolean confirmed) {

    public PlanChange {
        otherProjects = List.copyOf(otherProjects);
        differences = List.copyOf(differences);
    }

    static PlanChange of(String slug, String name, Plan from, Plan to, List<String> otherProjects, boolean confirmed) {
        List<String> d = new ArrayList<>();
        diff(d, "price per month", money(from.monthlyPriceCents()), money(to.monthlyPriceCents()));
        diff(d, "storage", bytes(from.storageLimitBytes()), bytes(to.storageLimitBytes()));
        diff(d, "rows", number(from.rowLimit()), number(to.rowLimit()));
        diff(d, "API calls per day", number(from.apiCallsPerDay()), number(to.apiCallsPerDay()));
        diff(d, "audit retention", from.auditRetentionDays() + " days", to.auditRetentionDays() + " days");
        diff(d, "projects allowed", number(from.maxProjects()), number(to.maxProjects()));
        diff(d, "point-in-time recovery", from.pointInTimeRecovery() ? "yes" : "no", to.pointInTimeRecovery() ? "yes" : "no");
        return new PlanChange(slug, name, from.displayName(), to.displayName(), to.code(), otherProjects, d, confirmed);
    }

    /** For a person: what moves, which other projects go with it, and what changes for them. */
    public String warning() {
        return summary(differences.isEmpty() ? "." : ": " + String.join("; ", differences) + ".");
    }

    /** {@link #warning()} without the list of differences, for a screen that lists them apart. */
    public String summary() {
        return summary(".");
    }

    private String summary(String tail) {
        String others = otherProjects.isEmpty() ? "It has no other project yet; every project it gets later is on the new plan."
                : "Its other " + (otherProjects.size() == 1 ? "project " : "projects ") + String.join(", ", otherProjects)
                        + (otherProjects.size() == 1 ? " gets" : " get") + " the " + toPlan + " plan too" + tail;
        return "This moves organisation " + organizationName + " (" + organizationSlug + ") from the " + fromPlan + " plan to the "
                + toPlan + " plan. " + others;
    }

    private static void diff(List<String> d, String what, String from, String to) {
        if (!from.equals(to)) {
            d.add(what + " " + from + " → " + to);
        }
    }

    private static String money(int cents) {
        return String.format(Locale.ROOT, "$%,.2f", cents / 100.0);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String bytes(long b) {
        return b >= 1L << 30 ? number(b >> 30) + " GB" : number(b >> 20) + " MB";
    }
}
