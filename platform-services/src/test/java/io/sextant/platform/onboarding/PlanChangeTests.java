package io.sextant.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Preflight;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.TenancyConflictException;
import io.sextant.platform.tenancy.Tenants;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Onboarding a project that needs a higher plan into an existing organisation moves the whole
 * organisation: preflight says so with what its other projects get, and apply refuses it until the
 * request confirms exactly that plan (issue 10; before, a green check upgraded it silently).
 */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class PlanChangeTests {

    @Autowired
    OnboardingFlow flow;
    @Autowired
    OrganizationService orgs;
    @Autowired
    Tenants tenants;

    private static final Intent HEALTH_IN_THE_EU = new Intent(Building.B2B_SAAS, EndUsers.BUSINESS_CUSTOMERS, Set.of(DataClass.HEALTH),
            Residency.EU, Scale.SMALL, Recovery.DAILY_BACKUPS);

    @Test
    void planChangeIsAWarningToConfirmAndApplyRefusesItUnconfirmed() {
        var org = tenants.org("free");
        tenants.provision(org, "eu-central", IsolationModel.SHARED);
        String otherProject = "Test project";
        var request = new TenantRequest(org.slug(), null, Tenants.unique("p"), "Clinic records", HEALTH_IN_THE_EU, Overrides.NONE);

        OnboardingPreflight unconfirmed = flow.preflight(request);

        PlanChange change = unconfirmed.planChange();
        assertThat(change).isNotNull();
        assertThat(change.confirmed()).isFalse();
        assertThat(change.toPlanCode()).isEqualTo("enterprise");
        assertThat(change.otherProjects()).containsExactly(otherProject);
        assertThat(change.differences()).anyMatch(d -> d.startsWith("price per month $0.00 → $"));
        assertThat(change.warning()).startsWith("This moves organisation Test org (" + org.slug() + ") from the Free plan to the Enterprise plan.")
                .contains("Its other project Test project gets the Enterprise plan too: price per month");
        assertThat(unconfirmed.checks()).filteredOn(c -> c.item().equals("plan-change")).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Preflight.Outcome.FAILED))
                .satisfies(c -> assertThat(c.detail()).contains("Confirm the move to the Enterprise plan").contains("confirmPlanChange: \"enterprise\""));
        assertThat(unconfirmed.ok()).isFalse();

        assertThatThrownBy(() -> flow.apply(request, UUID.randomUUID().toString(), ProvisioningListener.NONE))
                .isInstanceOfSatisfying(TenancyConflictException.class, e -> assertThat(String.join(" ", e.reasons()))
                        .contains("This moves organisation Test org").contains("Confirm the move"));
        assertThatThrownBy(() -> flow.apply(request.confirmingPlan("team"), UUID.randomUUID().toString(), ProvisioningListener.NONE))
                .as("a confirmation of another plan confirms nothing").isInstanceOf(TenancyConflictException.class);
        assertThat(orgs.find(org.slug()).orElseThrow().planCode()).as("nothing moved").isEqualTo("free");

        var confirmed = request.confirmingPlan("enterprise");
        OnboardingPreflight ok = flow.preflight(confirmed);
        assertThat(ok.planChange().confirmed()).isTrue();
        assertThat(ok.checks()).filteredOn(c -> c.item().equals("plan-change")).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Preflight.Outcome.PASSED))
                .satisfies(c -> assertThat(c.detail()).startsWith("Confirmed: This moves organisation"));
        ProvisioningResult result = flow.apply(confirmed, UUID.randomUUID().toString(), ProvisioningListener.NONE);
        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(ProvisioningResult.Status.SUCCEEDED);
        assertThat(orgs.find(org.slug()).orElseThrow().planCode()).isEqualTo("enterprise");
    }

    @Test
    void organisationWhosePlanSufficesOrANewOneHasNoPlanChange() {
        var org = tenants.org("enterprise");
        var request = new TenantRequest(org.slug(), null, Tenants.unique("p"), "Clinic records", HEALTH_IN_THE_EU, Overrides.NONE);
        assertThat(flow.preflight(request).planChange()).isNull();
        var newOrg = new TenantRequest(Tenants.unique("org"), "Fresh clinic", Tenants.unique("p"), "Clinic records", HEALTH_IN_THE_EU, Overrides.NONE);
        OnboardingPreflight p = flow.preflight(newOrg);
        assertThat(p.planChange()).isNull();
        assertThat(p.checks()).noneMatch(c -> c.item().equals("plan-change"));
    }
}
