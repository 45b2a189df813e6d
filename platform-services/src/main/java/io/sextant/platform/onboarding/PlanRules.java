package io.sextant.platform.onboarding;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the plan: the lowest-ranked plan that meets every need (PLAN-1 … PLAN-6), or checks the
 * plan the user chose against them. The reason names the needs the next plan down fails, which
 * are the ones that decided.
 */
final class PlanRules {

    private PlanRules() {
    }

    /** @param plans sorted by rank, lowest first */
    static DerivedItem<PlanTerms> plan(Intent intent, Overrides edits, List<PlanTerms> plans, List<PlanNeed> needs,
            List<Conflict> conflicts) {
        var offered = needs.stream().filter(n -> plans.stream().anyMatch(n.met())).toList();
        needs.stream().filter(n -> !offered.contains(n)).forEach(n -> conflicts.add(new Conflict("PLAN-C2",
                SetupItem.PLAN, n.subject() + " is not offered by any plan — " + n.remedy(), n.sources())));
        var derived = derive(intent, plans, offered, conflicts, edits.planCode() == null);
        var code = edits.planCode();
        if (code == null || code.equals(derived.value().code())) {
            return derived;
        }
        var chosen = plans.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
        if (chosen == null) {
            conflicts.add(new Conflict("PLAN-C3", SetupItem.PLAN, "There is no plan '" + code + "' — choose one of "
                    + Words.and(plans.stream().map(PlanTerms::displayName).toList()), EnumSet.noneOf(Question.class)));
            return derived;
        }
        offered.stream().filter(n -> !n.met().test(chosen))
                .forEach(n -> conflicts.add(unmet(n, chosen, plans, " you chose")));
        return ItemRules.edited(chosen, chosen.displayName() + " plan", derived);
    }

    private static DerivedItem<PlanTerms> derive(Intent intent, List<PlanTerms> plans, List<PlanNeed> needs,
            List<Conflict> conflicts, boolean reportUnmet) {
        var fit = plans.stream().filter(p -> needs.stream().allMatch(n -> n.met().test(p))).findFirst();
        // Only a catalogue whose plans are not nested can fail here: take the plan that meets most needs.
        var plan = fit.orElseGet(() -> plans.stream()
                .max(Comparator.comparingLong((PlanTerms p) -> needs.stream().filter(n -> n.met().test(p)).count())
                        .thenComparing(PlanTerms::rank, Comparator.reverseOrder()))
                .orElseThrow());
        if (fit.isEmpty() && reportUnmet) {
            needs.stream().filter(n -> !n.met().test(plan)).forEach(n -> conflicts.add(unmet(n, plan, plans, "")));
        }
        var below = plans.indexOf(plan) == 0 ? Optional.<PlanTerms>empty() : Optional.of(plans.get(plans.indexOf(plan) - 1));
        var binding = below.map(b -> needs.stream().filter(n -> !n.met().test(b)).toList()).orElse(List.of());
        if (binding.isEmpty()) {
            return new DerivedItem<>(plan, plan.displayName() + " plan because " + intent.scale().label() + " scale with "
                    + DataAnswers.phrase(intent.data()) + " needs nothing more than the lowest plan",
                    EnumSet.of(Question.SCALE, Question.DATA), false);
        }
        var sources = EnumSet.noneOf(Question.class);
        binding.forEach(n -> sources.addAll(n.sources()));
        return new DerivedItem<>(plan, plan.displayName() + " plan, the lowest that allows "
                + Words.and(binding.stream().map(n -> Words.decapitalise(n.subject())).toList())
                + "; the " + below.orElseThrow().displayName() + " plan does not", sources, false);
    }

    private static Conflict unmet(PlanNeed need, PlanTerms plan, List<PlanTerms> plans, String youChose) {
        var least = plans.stream().filter(need.met()).findFirst().orElseThrow();
        return new Conflict("PLAN-C1", SetupItem.PLAN, need.subject() + " needs the " + least.displayName()
                + " plan; the " + plan.displayName() + " plan" + youChose + " does not allow it — choose "
                + least.displayName() + " or " + need.remedy(), need.sources());
    }
}
