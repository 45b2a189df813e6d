package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent statement of what a valid setup is, written from the plan catalogue and the issue's
 * requirements rather than from {@link RulesTable}: the rules must agree with it, not the other way
 * round. It shares no code with the rules beyond the public types.
 */
final class SetupValidator {

    /** The audit history each answer requires, restated on purpose (see docs/onboarding-rules.md). */
    static int requiredAuditDays(Intent intent) {
        int days = 7;
        if (intent.data().contains(DataClass.PERSONAL) || intent.endUsers() == EndUsers.BUSINESS_CUSTOMERS) {
            days = 90;
        }
        if (intent.data().contains(DataClass.PAYMENT)) {
            days = 365;
        }
        if (intent.data().contains(DataClass.HEALTH)) {
            days = 6 * 365;
        }
        return days;
    }

    static BackupTarget requiredBackup(Intent intent) {
        return switch (intent.recovery()) {
            case BEST_EFFORT -> BackupTarget.NIGHTLY_SNAPSHOT;
            case DAILY_BACKUPS -> BackupTarget.DAILY_SNAPSHOTS;
            case POINT_IN_TIME -> BackupTarget.POINT_IN_TIME;
        };
    }

    static Set<PolicyPack> requiredPacks(Intent intent) {
        var packs = new java.util.HashSet<>(Set.of(PolicyPack.BASELINE));
        Map.of(DataClass.PERSONAL, PolicyPack.PERSONAL_DATA, DataClass.PAYMENT, PolicyPack.PAYMENT,
                DataClass.HEALTH, PolicyPack.HEALTH).forEach((d, p) -> {
                    if (intent.data().contains(d)) {
                        packs.add(p);
                    }
                });
        return packs;
    }

    /** Whether {@code plan} allows everything the other items of the setup and the answers need. */
    static boolean planFits(PlanTerms plan, Intent intent, DerivedSetup s) {
        return plan.allowedDataClasses().containsAll(intent.data())
                && plan.allowedIsolation().contains(s.isolation().value())
                && (plan.regionPinning() || (intent.residency() == Residency.ANYWHERE && !s.region().overridden()))
                && (plan.pointInTimeRecovery() || !s.backup().value().needsPointInTimeRecovery())
                && plan.maxAuditRetentionDays() >= s.auditRetentionDays().value()
                && plan.rowLimit() >= intent.scale().rows()
                && plan.apiCallsPerDay() >= intent.scale().requestsPerDay();
    }

    /** Everything wrong with the setup; empty means it may be applied. */
    static List<String> violations(Intent intent, Overrides edits, DerivedSetup s, List<PlanTerms> plans,
            List<RegionTerms> regions) {
        var v = new ArrayList<String>();
        var plan = s.plan().value();
        var region = s.region().value();
        if (!plans.contains(plan)) {
            v.add("plan not in catalogue");
        }
        if (!regions.contains(region)) {
            v.add("region not in catalogue");
        }
        if (!planFits(plan, intent, s)) {
            v.add("plan " + plan.code() + " does not allow the setup");
        }
        if (intent.data().contains(DataClass.HEALTH) && s.isolation().value() != IsolationModel.DEDICATED) {
            v.add("health data on shared isolation");
        }
        var jurisdiction = intent.residency().jurisdiction();
        if (jurisdiction != null && !jurisdiction.equals(region.jurisdiction())) {
            v.add("region " + region.code() + " outside " + jurisdiction);
        }
        if (!s.backup().value().covers(requiredBackup(intent))) {
            v.add("backup weaker than the recovery answer");
        }
        if (!s.policyPacks().value().containsAll(requiredPacks(intent))) {
            v.add("policy pack missing");
        }
        if (s.auditRetentionDays().value() < requiredAuditDays(intent)) {
            v.add("audit retention below what the data needs");
        }
        if (edits.planCode() != null && !edits.planCode().equals(plan.code())) {
            v.add("plan edit not honoured");
        }
        if (edits.regionCode() != null && !edits.regionCode().equals(region.code())) {
            v.add("region edit not honoured");
        }
        return v;
    }

    /** Whether any plan and region of the catalogue could satisfy the answers at all. */
    static boolean satisfiable(Intent intent, List<PlanTerms> plans, List<RegionTerms> regions) {
        var jurisdiction = intent.residency().jurisdiction();
        boolean region = regions.stream().anyMatch(r -> jurisdiction == null || jurisdiction.equals(r.jurisdiction()));
        boolean plan = plans.stream().anyMatch(p -> p.allowedDataClasses().containsAll(intent.data())
                && (!intent.data().contains(DataClass.HEALTH) || p.allowedIsolation().contains(IsolationModel.DEDICATED))
                && (jurisdiction == null || p.regionPinning())
                && (p.pointInTimeRecovery() || intent.recovery() != Recovery.POINT_IN_TIME)
                && p.maxAuditRetentionDays() >= requiredAuditDays(intent)
                && p.rowLimit() >= intent.scale().rows() && p.apiCallsPerDay() >= intent.scale().requestsPerDay());
        return region && plan;
    }

    private SetupValidator() {
    }
}
