package io.sextant.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.tenancy.IsolationModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property checks over random answers and random edits (fixed seed, so a failure reproduces):
 * the rules report a conflict exactly when the independent validator finds the setup invalid.
 */
class RandomOverrideTests {

    private static final long SEED = 20_260_514L;
    private static final int RUNS = 20_000;
    private static final String[] PLAN_CODES = {"free", "pro", "team", "enterprise", "gold"};
    private static final String[] REGION_CODES = {"eu-central", "us-east", "ap-south"};
    private static final int[] DAYS = {1, 7, 30, 90, 180, 365, 400, 2190, 2555, 3000};

    private final OnboardingRules rules = new OnboardingRules(PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);

    static Overrides randomEdits(Random r) {
        var packs = EnumSet.noneOf(PolicyPack.class);
        for (var p : PolicyPack.values()) {
            if (r.nextBoolean()) {
                packs.add(p);
            }
        }
        return new Overrides(
                r.nextBoolean() ? null : Answers.pick(r, PLAN_CODES),
                r.nextBoolean() ? null : Answers.pick(r, REGION_CODES),
                r.nextBoolean() ? null : Answers.pick(r, IsolationModel.values()),
                r.nextBoolean() ? null : packs,
                r.nextBoolean() ? null : DAYS[r.nextInt(DAYS.length)],
                r.nextBoolean() ? null : Answers.pick(r, BackupTarget.values()));
    }

    @Test
    void conflictsAppearExactlyWhenTheSetupIsInvalid() {
        var random = new Random(SEED);
        var failures = new ArrayList<String>();
        int withConflicts = 0;
        for (int run = 0; run < RUNS; run++) {
            var intent = Answers.random(random);
            var edits = randomEdits(random);
            var setup = rules.derive(intent, edits);
            var violations = SetupValidator.violations(intent, edits, setup, PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);
            if (setup.conflicts().isEmpty() != violations.isEmpty()
                    || !setup.conflicts().stream().allMatch(Answers::actionable)) {
                failures.add(intent + " " + edits + " -> " + setup.conflicts() + " " + violations);
            }
            withConflicts += setup.conflicts().isEmpty() ? 0 : 1;
        }
        assertThat(failures).isEmpty();
        assertThat(withConflicts).as("the generator reaches both outcomes").isBetween(RUNS / 10, RUNS * 9 / 10);
    }

    @Test
    void knownEditsAreHonouredAndUneditedItemsAreNotMarkedOverridden() {
        var random = new Random(SEED + 1);
        for (int run = 0; run < RUNS; run++) {
            var intent = Answers.random(random);
            var edits = randomEdits(random);
            var setup = rules.derive(intent, edits);
            if (edits.planCode() != null && !edits.planCode().equals("gold")) {
                assertThat(setup.plan().value().code()).isEqualTo(edits.planCode());
            }
            if (edits.regionCode() != null && !edits.regionCode().equals("ap-south")) {
                assertThat(setup.region().value().code()).isEqualTo(edits.regionCode());
            }
            if (edits.isolation() != null) {
                assertThat(setup.isolation().value()).isEqualTo(edits.isolation());
            }
            if (edits.policyPacks() != null) {
                assertThat(setup.policyPacks().value()).isEqualTo(edits.policyPacks());
            }
            if (edits.auditRetentionDays() != null) {
                assertThat(setup.auditRetentionDays().value()).isEqualTo(edits.auditRetentionDays());
            }
            if (edits.backup() != null) {
                assertThat(setup.backup().value()).isEqualTo(edits.backup());
            }
            assertThat(setup.isolation().overridden()).isEqualTo(edits.isolation() != null
                    && edits.isolation() != rules.derive(intent, Overrides.NONE).isolation().value());
            for (var item : setup.items()) {
                assertThat(item.reason()).isNotBlank();
                if (!item.overridden() && !item.sourceAnswers().isEmpty()) {
                    assertThat(Answers.namesASource(intent, item)).as(item.reason()).isTrue();
                }
            }
            assertThat(rules.derive(intent, edits)).as("deterministic").isEqualTo(setup);
        }
    }

    @Test
    void acceptingAReadySetupItemByItemChangesNothing() {
        var random = new Random(SEED + 2);
        int ready = 0;
        for (int run = 0; run < RUNS; run++) {
            var intent = Answers.random(random);
            var setup = rules.derive(intent, randomEdits(random));
            if (!setup.isReady()) {
                continue;
            }
            ready++;
            // A user who pins every item to what is shown gets the same values and still no conflict.
            var pinned = new Overrides(setup.plan().value().code(), setup.region().value().code(),
                    setup.isolation().value(), Set.copyOf(setup.policyPacks().value()),
                    setup.auditRetentionDays().value(), setup.backup().value());
            var again = rules.derive(intent, pinned);
            assertThat(again.conflicts()).isEmpty();
            assertThat(again.items().stream().map(DerivedItem::value).toList())
                    .isEqualTo(setup.items().stream().map(DerivedItem::value).toList());
        }
        assertThat(ready).isPositive();
    }
}
