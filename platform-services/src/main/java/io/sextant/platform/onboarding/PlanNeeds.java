package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.IsolationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The plan needs (PLAN-1 … PLAN-6) of the answers and the other, already derived items. */
final class PlanNeeds {

    private PlanNeeds() {
    }

    static List<PlanNeed> of(Intent intent, Derived<RegionTerms> region, Derived<IsolationModel> isolation,
            Derived<Integer> audit, Derived<BackupTarget> backup, int longestAudit) {
        var needs = new ArrayList<PlanNeed>();
        for (var dataClass : intent.data().stream().sorted().toList()) {
            var label = DataAnswers.label(dataClass);
            needs.add(new PlanNeed("PLAN-1", label, p -> p.allowedDataClasses().contains(dataClass),
                    Set.of(Question.DATA), "remove " + Words.lower(label)));
        }
        var model = isolation.value();
        needs.add(new PlanNeed("PLAN-2", Words.capitalise(Words.lower(model.name())) + " isolation" + cause(isolation),
                p -> p.allowedIsolation().contains(model), sources(isolation), isolation.remedy()));
        if (intent.residency() != Residency.ANYWHERE) {
            needs.add(new PlanNeed("PLAN-3", "Keeping data " + Words.decapitalise(intent.residency().label()),
                    PlanTerms::regionPinning, Set.of(Question.RESIDENCY), "answer Anywhere for where data must stay"));
        } else if (region.overridden()) {
            needs.add(new PlanNeed("PLAN-3", "Choosing the region yourself", PlanTerms::regionPinning, Set.of(),
                    region.remedy()));
        }
        if (backup.value().needsPointInTimeRecovery()) {
            needs.add(new PlanNeed("PLAN-4", "Point-in-time recovery" + (backup.overridden() ? " (your choice)" : ""),
                    PlanTerms::pointInTimeRecovery, sources(backup), backup.remedy()));
        }
        int days = audit.value();
        var auditRemedy = days > longestAudit ? "choose at most " + longestAudit + " days"
                : audit.remedy().isEmpty() ? "choose fewer days of audit history" : audit.remedy();
        needs.add(new PlanNeed("PLAN-5", days + " days of audit history" + cause(audit),
                p -> p.maxAuditRetentionDays() >= days, sources(audit), auditRemedy));
        var scale = intent.scale();
        needs.add(new PlanNeed("PLAN-6", scale.label() + " scale (about " + String.format(java.util.Locale.ROOT, "%,d", scale.rows())
                        + " rows and " + String.format(java.util.Locale.ROOT, "%,d", scale.requestsPerDay()) + " requests a day)",
                p -> p.rowLimit() >= scale.rows() && p.apiCallsPerDay() >= scale.requestsPerDay(),
                Set.of(Question.SCALE), "choose a smaller scale"));
        return needs;
    }

    private static String cause(Derived<?> item) {
        return item.overridden() ? " (your choice)" : " for " + item.topic();
    }

    /** A need that only an edit created cites no answer: the reason names the edit instead. */
    private static Set<Question> sources(Derived<?> item) {
        return item.overridden() ? Set.of() : item.item().sourceAnswers();
    }
}
