package io.sextant.platform.onboarding;

import java.util.List;
import java.util.Objects;

/** Applies the region table to the answers and the catalogue, then the user's choice of region. */
final class RegionRules {

    private RegionRules() {
    }

    static Derived<RegionTerms> region(Intent intent, Overrides edits, List<RegionTerms> regions,
            List<Conflict> conflicts) {
        var rule = RulesTable.first(RulesTable.REGION, intent);
        var anywhere = rule.value().equals("*");
        var candidates = regions.stream().filter(r -> anywhere || r.jurisdiction().equals(rule.value())).toList();
        DerivedItem<RegionTerms> derived;
        if (candidates.isEmpty()) {
            // Still name a region so the setup is complete; the conflict blocks applying it.
            derived = new DerivedItem<>(regions.getFirst(), "Region " + regions.getFirst().displayName()
                    + " for now, but no configured region serves " + rule.topic().apply(intent), rule.sources(), false);
            conflicts.add(new Conflict("REG-C1", SetupItem.REGION, "No configured region keeps "
                    + rule.topic().apply(intent) + " — ask an operator to configure one, or " + rule.remedy(),
                    rule.sources()));
        } else {
            derived = new DerivedItem<>(candidates.getFirst(), "Region " + candidates.getFirst().displayName()
                    + " because " + rule.because().apply(intent), rule.sources(), false);
        }
        var code = edits.regionCode();
        if (code == null || code.equals(derived.value().code())) {
            return new Derived<>(derived, rule.topic().apply(intent), rule.remedy());
        }
        var chosen = regions.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
        if (chosen == null) {
            conflicts.add(new Conflict("REG-C3", SetupItem.REGION, "There is no enabled region '" + code
                    + "' — choose one of " + Words.and(regions.stream().map(RegionTerms::displayName).toList()),
                    java.util.Set.of()));
            return new Derived<>(derived, rule.topic().apply(intent), rule.remedy());
        }
        if (!anywhere && !Objects.equals(chosen.jurisdiction(), rule.value())) {
            conflicts.add(new Conflict("REG-C2", SetupItem.REGION, "Data must stay " + Words.decapitalise(
                    intent.residency().label()) + ", but " + chosen.displayName() + " is in the "
                    + chosen.jurisdiction() + " — choose a region in the " + rule.value()
                    + " or change where data must stay", rule.sources()));
        }
        return new Derived<>(ItemRules.edited(chosen, "Region " + chosen.displayName(), derived),
                "your choice", "let the platform choose the region");
    }
}
