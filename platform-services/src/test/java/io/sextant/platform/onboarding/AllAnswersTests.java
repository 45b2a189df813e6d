package io.sextant.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every one of the 2,592 intents, with no edits: a valid setup with no conflict, or at least one
 * actionable conflict — checked against {@link SetupValidator}, which is written apart from the rules.
 */
class AllAnswersTests {

    private static final List<Intent> ALL = Answers.all();
    private final OnboardingRules rules = new OnboardingRules(PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);

    @Test
    void answerSpaceHas2592Intents() {
        assertThat(ALL).hasSize(4 * 3 * 8 * 3 * 3 * 3).doesNotHaveDuplicates();
    }

    @Test
    void everyIntentGetsAValidMinimalSetupFromTheDefaultCatalogue() {
        var failures = new ArrayList<String>();
        for (var intent : ALL) {
            var setup = rules.derive(intent, Overrides.NONE);
            var violations = SetupValidator.violations(intent, Overrides.NONE, setup, PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);
            if (!setup.conflicts().isEmpty() || !violations.isEmpty()) {
                failures.add(intent + " -> " + setup.conflicts() + " " + violations);
                continue;
            }
            // Minimal: nothing stronger than the answers need, and no cheaper plan would do.
            var plan = setup.plan().value();
            boolean cheaperFits = PlanTerms.DEFAULTS.stream()
                    .anyMatch(p -> p.rank() < plan.rank() && SetupValidator.planFits(p, intent, setup));
            boolean dedicated = intent.holds(DataClass.HEALTH)
                    || (intent.building() == Building.ANALYTICS && intent.scale() == Scale.LARGE);
            if (cheaperFits
                    || setup.auditRetentionDays().value() != SetupValidator.requiredAuditDays(intent)
                    || setup.backup().value() != SetupValidator.requiredBackup(intent)
                    || !setup.policyPacks().value().equals(SetupValidator.requiredPacks(intent))
                    || (setup.isolation().value() == IsolationModel.DEDICATED) != dedicated) {
                failures.add(intent + " -> not minimal: " + setup);
            }
        }
        assertThat(failures).as("intents without a valid minimal setup").isEmpty();
    }

    @Test
    void everyIntentIsValidOrConflictsWhenTheCatalogueCannotServeIt() {
        // No Enterprise plan and no US region: health data and US residency cannot be served.
        var plans = PlanTerms.DEFAULTS.subList(0, 3);
        var regions = RegionTerms.DEFAULTS.subList(0, 1);
        var narrow = new OnboardingRules(plans, regions);
        var failures = new ArrayList<String>();
        int conflicted = 0;
        for (var intent : ALL) {
            var setup = narrow.derive(intent, Overrides.NONE);
            var violations = SetupValidator.violations(intent, Overrides.NONE, setup, plans, regions);
            boolean satisfiable = SetupValidator.satisfiable(intent, plans, regions);
            if (setup.conflicts().isEmpty() != violations.isEmpty()
                    || setup.conflicts().isEmpty() != satisfiable
                    || !setup.conflicts().stream().allMatch(Answers::actionable)) {
                failures.add(intent + " -> " + setup.conflicts() + " " + violations + " satisfiable=" + satisfiable);
            }
            conflicted += setup.conflicts().isEmpty() ? 0 : 1;
        }
        assertThat(failures).isEmpty();
        // Servable: no health data (4 of 8 subsets) and not US-only (2 of 3): 4*3*4*2*3*3 = 864.
        assertThat(conflicted).isEqualTo(ALL.size() - 4 * 3 * 4 * 2 * 3 * 3);
    }

    @Test
    void everyDerivedItemHasAReasonNamingAnAnswerItCameFrom() {
        var failures = new ArrayList<String>();
        for (var intent : ALL) {
            for (var item : rules.derive(intent, Overrides.NONE).items()) {
                if (item.overridden() || item.sourceAnswers().isEmpty() || !Answers.namesASource(intent, item)) {
                    failures.add(intent + " -> " + item);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void derivationIsDeterministicAndIgnoresCatalogueOrder() {
        var reversed = new OnboardingRules(PlanTerms.DEFAULTS.reversed(), RegionTerms.DEFAULTS.reversed());
        for (var intent : ALL) {
            var first = rules.derive(intent, Overrides.NONE);
            assertThat(rules.derive(intent, Overrides.NONE)).isEqualTo(first);
            assertThat(reversed.derive(intent, Overrides.NONE)).isEqualTo(first);
        }
    }
}
