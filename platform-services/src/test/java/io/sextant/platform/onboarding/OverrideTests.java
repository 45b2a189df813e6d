package io.sextant.platform.onboarding;

import static io.sextant.platform.tenancy.DataClass.HEALTH;
import static io.sextant.platform.tenancy.DataClass.PAYMENT;
import static io.sextant.platform.tenancy.DataClass.PERSONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each editable item: an edit is honoured, its consequences re-derived, and forbidden edits conflict. */
class OverrideTests {

    private final OnboardingRules rules = new OnboardingRules(PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);

    private static Intent intent(Residency residency, Recovery recovery, DataClass... data) {
        return new Intent(Building.B2B_SAAS, EndUsers.BUSINESS_CUSTOMERS, Set.of(data), residency, Scale.MEDIUM, recovery);
    }

    private static Intent tiny() {
        return new Intent(Building.INTERNAL_TOOL, EndUsers.EMPLOYEES, Set.of(), Residency.ANYWHERE, Scale.SMALL,
                Recovery.BEST_EFFORT);
    }

    private static List<String> messages(DerivedSetup setup) {
        return setup.conflicts().stream().map(Conflict::message).toList();
    }

    @Test
    void euB2bSaasWithPersonalDataDerivesProInEuWithReasons() {
        var setup = rules.derive(intent(Residency.EU, Recovery.DAILY_BACKUPS, PERSONAL), Overrides.NONE);
        assertThat(setup.conflicts()).isEmpty();
        assertThat(setup.plan().value().code()).isEqualTo("pro");
        assertThat(setup.region().reason()).isEqualTo("Region EU Central (Frankfurt) because data must stay in the EU");
        assertThat(setup.isolation().value()).isEqualTo(IsolationModel.SHARED);
        assertThat(setup.policyPacks().value()).containsExactlyInAnyOrder(PolicyPack.BASELINE, PolicyPack.PERSONAL_DATA);
        assertThat(setup.auditRetentionDays().value()).isEqualTo(90);
        assertThat(setup.backup().value()).isEqualTo(BackupTarget.DAILY_SNAPSHOTS);
        assertThat(setup.plan().reason()).contains("keeping data in the EU").contains("; the Free plan does not");
    }

    @Test
    void healthDataIsDedicatedOnEnterprise() {
        var setup = rules.derive(intent(Residency.EU, Recovery.DAILY_BACKUPS, HEALTH), Overrides.NONE);
        assertThat(setup.isolation().reason())
                .isEqualTo("Dedicated isolation because health data is kept apart from other tenants' rows, in a database of its own");
        assertThat(setup.plan().value().code()).isEqualTo("enterprise");
        assertThat(setup.auditRetentionDays().value()).isEqualTo(2190);
    }

    @Test
    void planBelowWhatHealthDataNeedsIsAConflictNamingTheWayOut() {
        var health = intent(Residency.EU, Recovery.DAILY_BACKUPS, HEALTH);
        var setup = rules.derive(health, Overrides.NONE.withPlan("team"));
        assertThat(setup.plan().value().code()).isEqualTo("team");
        assertThat(setup.plan().overridden()).isTrue();
        assertThat(messages(setup)).contains(
                "Health data needs the Enterprise plan; the Team plan you chose does not allow it — choose Enterprise or remove health data");
        // either way out resolves it
        assertThat(rules.derive(health, Overrides.NONE.withPlan("enterprise")).conflicts()).isEmpty();
        assertThat(rules.derive(intent(Residency.EU, Recovery.DAILY_BACKUPS), Overrides.NONE.withPlan("team")).conflicts())
                .isEmpty();
    }

    @Test
    void higherPlanThanNeededIsAccepted() {
        var setup = rules.derive(tiny(), Overrides.NONE.withPlan("enterprise"));
        assertThat(setup.conflicts()).isEmpty();
        assertThat(setup.plan().reason()).startsWith("Enterprise plan, your choice; the rules suggested: Free plan");
    }

    @Test
    void unknownPlanIsAConflictAndTheDerivedPlanStays() {
        var setup = rules.derive(tiny(), Overrides.NONE.withPlan("gold"));
        assertThat(setup.plan().value().code()).isEqualTo("free");
        assertThat(setup.conflicts()).extracting(Conflict::ruleId).containsExactly("PLAN-C3");
    }

    @Test
    void choosingDedicatedRaisesTheMinimumPlanToTeam() {
        assertThat(rules.derive(tiny(), Overrides.NONE).plan().value().code()).isEqualTo("free");
        var setup = rules.derive(tiny(), Overrides.NONE.withIsolation(IsolationModel.DEDICATED));
        assertThat(setup.conflicts()).isEmpty();
        assertThat(setup.isolation().overridden()).isTrue();
        assertThat(setup.plan().value().code()).isEqualTo("team");
        assertThat(setup.plan().reason()).contains("dedicated isolation (your choice)");
        assertThat(setup.plan().sourceAnswers()).isEmpty();
        // and a plan edit below that is a conflict, not a silent downgrade
        assertThat(messages(rules.derive(tiny(), Overrides.NONE.withIsolation(IsolationModel.DEDICATED).withPlan("pro"))))
                .containsExactly("Dedicated isolation (your choice) needs the Team plan; the Pro plan you chose does not allow it"
                        + " — choose Team or choose shared isolation");
    }

    @Test
    void sharedIsolationForHealthDataIsAConflict() {
        var health = intent(Residency.EU, Recovery.DAILY_BACKUPS, HEALTH);
        var setup = rules.derive(health, Overrides.NONE.withIsolation(IsolationModel.SHARED));
        assertThat(setup.isolation().value()).isEqualTo(IsolationModel.SHARED);
        assertThat(messages(setup)).containsExactly(
                "Health data needs dedicated isolation; the shared isolation you chose does not provide it — choose dedicated isolation or remove health data");
        assertThat(rules.derive(health, Overrides.NONE.withIsolation(IsolationModel.DEDICATED)).conflicts()).isEmpty();
    }

    @Test
    void sharedIsolationOverrulesTheAnalyticsRecommendation() {
        var analytics = new Intent(Building.ANALYTICS, EndUsers.EMPLOYEES, Set.of(), Residency.ANYWHERE, Scale.LARGE,
                Recovery.DAILY_BACKUPS);
        assertThat(rules.derive(analytics, Overrides.NONE).isolation().value()).isEqualTo(IsolationModel.DEDICATED);
        var setup = rules.derive(analytics, Overrides.NONE.withIsolation(IsolationModel.SHARED));
        assertThat(setup.conflicts()).isEmpty();
        assertThat(setup.isolation().reason()).contains("the rules suggested: Dedicated isolation because large-scale analytics");
    }

    @Test
    void usRegionWhenDataMustStayInTheEuIsAConflictNotAcceptedSilently() {
        var eu = intent(Residency.EU, Recovery.DAILY_BACKUPS, PERSONAL);
        var setup = rules.derive(eu, Overrides.NONE.withRegion("us-east"));
        assertThat(setup.region().value().code()).isEqualTo("us-east");
        assertThat(messages(setup)).containsExactly(
                "Data must stay in the EU, but US East (Virginia) is in the US — choose a region in the EU or change where data must stay");
        assertThat(rules.derive(eu, Overrides.NONE.withRegion("eu-central")).conflicts()).isEmpty();
    }

    @Test
    void choosingARegionYourselfNeedsRegionPinning() {
        var setup = rules.derive(tiny(), Overrides.NONE.withRegion("us-east"));
        assertThat(setup.conflicts()).isEmpty();
        assertThat(setup.plan().value().code()).isEqualTo("pro");
        assertThat(setup.plan().reason()).contains("choosing the region yourself");
        assertThat(messages(rules.derive(tiny(), Overrides.NONE.withRegion("us-east").withPlan("free")))).containsExactly(
                "Choosing the region yourself needs the Pro plan; the Free plan you chose does not allow it — choose Pro or let the platform choose the region");
    }

    @Test
    void unknownRegionIsAConflict() {
        var setup = rules.derive(tiny(), Overrides.NONE.withRegion("ap-south"));
        assertThat(setup.region().value().code()).isEqualTo("eu-central");
        assertThat(messages(setup)).containsExactly(
                "There is no enabled region 'ap-south' — choose one of EU Central (Frankfurt) and US East (Virginia)");
    }

    @Test
    void noRegionInTheRequiredJurisdictionIsAConflict() {
        var usOnly = new OnboardingRules(PlanTerms.DEFAULTS, List.of(RegionTerms.DEFAULTS.get(1)));
        var setup = usOnly.derive(intent(Residency.EU, Recovery.DAILY_BACKUPS), Overrides.NONE);
        assertThat(setup.conflicts()).extracting(Conflict::ruleId).containsExactly("REG-C1");
        assertThat(messages(setup).getFirst()).startsWith("No configured region keeps data that must stay in the EU — ask an operator");
    }

    @Test
    void auditRetentionBelowWhatTheDataNeedsIsAConflict() {
        var payment = intent(Residency.ANYWHERE, Recovery.DAILY_BACKUPS, PAYMENT);
        var setup = rules.derive(payment, Overrides.NONE.withAuditRetentionDays(90));
        assertThat(setup.auditRetentionDays().value()).isEqualTo(90);
        assertThat(messages(setup)).containsExactly(
                "Payment data needs at least 365 days of audit history; you chose 90 — choose 365 days or more, or remove payment data");
        assertThat(rules.derive(payment, Overrides.NONE.withAuditRetentionDays(400)).plan().value().code())
                .as("more history than Team keeps raises the plan").isEqualTo("enterprise");
    }

    @Test
    void auditRetentionRaisesThePlanOrConflictsBeyondEveryPlan() {
        assertThat(rules.derive(tiny(), Overrides.NONE.withAuditRetentionDays(365)).plan().value().code()).isEqualTo("team");
        assertThat(messages(rules.derive(tiny(), Overrides.NONE.withAuditRetentionDays(3000)))).containsExactly(
                "3000 days of audit history (your choice) is not offered by any plan — choose at most 2555 days");
        assertThatThrownBy(() -> Overrides.NONE.withAuditRetentionDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavingOutARequiredPolicyPackIsAConflictAddingOneIsNot() {
        var personal = intent(Residency.ANYWHERE, Recovery.DAILY_BACKUPS, PERSONAL);
        assertThat(messages(rules.derive(personal, Overrides.NONE.withPolicyPacks(Set.of(PolicyPack.BASELINE)))))
                .containsExactly("Personal data needs the Personal data policy pack; your selection leaves it out"
                        + " — add the Personal data pack or remove personal data");
        assertThat(messages(rules.derive(personal, Overrides.NONE.withPolicyPacks(Set.of(PolicyPack.PERSONAL_DATA)))))
                .containsExactly("Every project needs the Baseline policy pack; your selection leaves it out — add the Baseline pack");
        var extra = rules.derive(personal, Overrides.NONE.withPolicyPacks(
                Set.of(PolicyPack.BASELINE, PolicyPack.PERSONAL_DATA, PolicyPack.PAYMENT)));
        assertThat(extra.conflicts()).isEmpty();
        assertThat(extra.policyPacks().overridden()).isTrue();
    }

    @Test
    void backupWeakerThanAskedIsAConflictStrongerRaisesThePlan() {
        var pitr = intent(Residency.ANYWHERE, Recovery.POINT_IN_TIME);
        assertThat(rules.derive(pitr, Overrides.NONE).plan().value().code()).isEqualTo("team");
        assertThat(messages(rules.derive(pitr, Overrides.NONE.withBackup(BackupTarget.DAILY_SNAPSHOTS)))).containsExactly(
                "You asked for point-in-time recovery; daily snapshots, kept 7 days, same jurisdiction cannot give it"
                        + " — choose point-in-time recovery, 7-day window, same jurisdiction or change the recovery answer");
        var stronger = rules.derive(tiny(), Overrides.NONE.withBackup(BackupTarget.POINT_IN_TIME));
        assertThat(stronger.conflicts()).isEmpty();
        assertThat(stronger.plan().value().code()).isEqualTo("team");
        assertThat(stronger.plan().reason()).contains("point-in-time recovery (your choice)");
    }

    @Test
    void editMatchingTheDerivedValueIsNotAnOverride() {
        var setup = rules.derive(tiny(), Overrides.NONE.withPlan("free").withRegion("eu-central")
                .withIsolation(IsolationModel.SHARED).withAuditRetentionDays(7).withBackup(BackupTarget.NIGHTLY_SNAPSHOT)
                .withPolicyPacks(Set.of(PolicyPack.BASELINE)));
        assertThat(setup).isEqualTo(rules.derive(tiny(), Overrides.NONE));
    }

    @Test
    void defaultAnswersDeriveAProSetupWithoutConflict() {
        var setup = rules.derive(Intent.DEFAULT, Overrides.NONE);
        assertThat(setup.isReady()).isTrue();
        assertThat(setup.plan().value().code()).isEqualTo("pro");
    }
}
