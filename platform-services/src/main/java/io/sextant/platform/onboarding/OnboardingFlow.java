package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.PlanCatalog;
import io.sextant.platform.tenancy.Preflight;
import io.sextant.platform.tenancy.Preflight.Check;
import io.sextant.platform.tenancy.Preflight.Outcome;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.ProjectSpec;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.ProvisioningService;
import io.sextant.platform.tenancy.TenancyConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * From answers to a ready tenant: derive (with reasons), preflight (creates nothing), apply. Apply
 * derives again on the server — a client's setup is never trusted — refuses while any conflict or
 * failed check remains, creates the organisation (or raises its plan when the setup needs a
 * higher one and the request confirms that plan: {@link PlanChange}), provisions through {@link ProvisioningService} (idempotent per key, resumable) and
 * records the derived audit retention, backup target and answers on the project.
 */
@Service
public class OnboardingFlow {

    private final OnboardingService onboarding;
    private final OrganizationService organizations;
    private final ProvisioningService provisioning;
    private final ProjectService projects;
    private final PlanCatalog plans;

    OnboardingFlow(OnboardingService onboarding, OrganizationService organizations, ProvisioningService provisioning,
            ProjectService projects, PlanCatalog plans) {
        this.onboarding = onboarding;
        this.organizations = organizations;
        this.provisioning = provisioning;
        this.projects = projects;
        this.plans = plans;
    }

    /** @throws IllegalArgumentException naming what is missing when the six answers are not all given */
    @PreAuthorize("hasRole('OPERATOR')")
    public DerivedSetup derive(TenantRequest request) {
        Intent i = request.intent();
        List<String> missing = new ArrayList<>();
        if (i == null) {
            missing.add("intent");
        } else {
            Object[][] answers = {{"building", i.building()}, {"endUsers", i.endUsers()}, {"residency", i.residency()},
                    {"scale", i.scale()}, {"recovery", i.recovery()}};
            for (Object[] answer : answers) {
                if (answer[1] == null) {
                    missing.add("intent." + answer[0]);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Answer every question of the intent; missing: " + String.join(", ", missing));
        }
        return onboarding.derive(i, request.overrides() == null ? Overrides.NONE : request.overrides());
    }

    /** @throws IllegalArgumentException naming what is missing when the intent or the names are not given */
    @PreAuthorize("hasRole('OPERATOR')")
    public OnboardingPreflight preflight(TenantRequest request) {
        List<String> missingNames = new ArrayList<>();
        if (request.organizationSlug() == null || request.organizationSlug().isBlank()) {
            missingNames.add("organizationSlug");
        }
        if (request.projectSlug() == null || request.projectSlug().isBlank()) {
            missingNames.add("projectSlug");
        }
        if (request.projectName() == null || request.projectName().isBlank()) {
            missingNames.add("projectName");
        }
        if (!missingNames.isEmpty()) {
            throw new IllegalArgumentException("Name the organisation and the project; missing: " + String.join(", ", missingNames));
        }
        DerivedSetup setup = derive(request);
        List<Check> checks = new ArrayList<>();
        setup.conflicts().forEach(c -> checks.add(new Check("setup-" + c.ruleId(), Outcome.FAILED, c.message())));
        ProjectSpec spec = spec(request, setup);
        Optional<Organization> org = organizations.find(request.organizationSlug());
        String plan = setup.plan().value().code();
        boolean ownPlanChecks = false;
        PlanChange planChange = null;
        if (org.isEmpty()) {
            checks.add(request.createsOrganization()
                    ? new Check("organisation", Outcome.PASSED, "Organisation " + request.organizationSlug() + " will be created on the "
                            + setup.plan().value().displayName() + " plan.")
                    : new Check("organisation", Outcome.FAILED, "No organisation " + request.organizationSlug()
                            + ": choose an existing one or give the new organisation a name."));
            ownPlanChecks = true;
        } else if (rank(org.get().planCode()) < rank(plan)) {
            planChange = planChange(org.get(), plan, request);
            checks.add(planChange.confirmed()
                    ? new Check("plan-change", Outcome.PASSED, "Confirmed: " + planChange.warning())
                    : new Check("plan-change", Outcome.FAILED, planChange.warning() + " Confirm the move to the " + planChange.toPlan()
                            + " plan to go on (confirmPlanChange: \"" + plan + "\"), or change the setup to fit the "
                            + planChange.fromPlan() + " plan."));
            ownPlanChecks = true;
        }
        if (ownPlanChecks) {
            plans.violations(plan, spec.isolation(), spec.dataClasses(), spec.region(),
                    org.map(o -> projects.list(o.id()).size()).orElse(0))
                    .forEach(v -> checks.add(new Check("plan", Outcome.FAILED, v)));
        }
        final boolean replacePlanChecks = ownPlanChecks;
        for (Check c : provisioning.preflight(spec).checks()) {
            boolean orgMissing = org.isEmpty() && "org-exists".equals(c.item());
            boolean planCheckAgainstOldPlan = replacePlanChecks && c.item().startsWith("plan-");
            if (!orgMissing && !planCheckAgainstOldPlan) {
                checks.add(c);
            }
        }
        return new OnboardingPreflight(setup, checks, planChange);
    }

    private PlanChange planChange(Organization org, String plan, TenantRequest request) {
        List<String> others = projects.list(org.id()).stream().filter(p -> !"deleted".equals(p.status())).map(p -> p.name()).toList();
        return PlanChange.of(org.slug(), org.name(), plans.plan(org.planCode()), plans.plan(plan), others, plan.equals(request.confirmPlanChange()));
    }

    /**
     * Provisions the tenant. Repeating a call with the same {@code idempotencyKey} returns the same
     * tenant (a double submit creates one).
     *
     * @throws TenancyConflictException while the preflight has failed checks
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public ProvisioningResult apply(TenantRequest request, String idempotencyKey, ProvisioningListener listener) {
        OnboardingPreflight preflight = preflight(request);
        List<String> failed = preflight.checks().stream().filter(c -> c.outcome() == Outcome.FAILED)
                .filter(c -> !"name-free".equals(c.item()))
                .map(Check::detail).toList();
        if (!failed.isEmpty()) {
            throw new TenancyConflictException(failed);
        }
        DerivedSetup setup = preflight.setup();
        String plan = setup.plan().value().code();
        Optional<Organization> org = organizations.find(request.organizationSlug());
        if (org.isEmpty()) {
            organizations.create(request.organizationSlug(), request.newOrganizationName(), plan);
        } else if (rank(org.get().planCode()) < rank(plan)) {
            organizations.changePlan(org.get().id(), org.get().version(), plan);
        }
        ProvisioningResult result = provisioning.apply(spec(request, setup), idempotencyKey, listener);
        if (result.status() == ProvisioningResult.Status.SUCCEEDED) {
            projects.recordSetup(result.projectId(), setup.auditRetentionDays().value(), setup.backup().value().description(),
                    intentAsMap(request.intent()));
        }
        return result;
    }

    static ProjectSpec spec(TenantRequest request, DerivedSetup setup) {
        return new ProjectSpec(request.organizationSlug(), request.projectSlug(), request.projectName(),
                setup.region().value().code(), setup.isolation().value(), request.intent().data(),
                TenancyPacks.of(setup.policyPacks().value()));
    }

    private int rank(String planCode) {
        return plans.plan(planCode).rank();
    }

    static Map<String, String> intentAsMap(Intent i) {
        return Map.of("building", i.building().name(), "endUsers", i.endUsers().name(),
                "data", i.data().stream().map(DataClass::name).sorted().reduce((a, b) -> a + "," + b).orElse("NONE"),
                "residency", i.residency().name(), "scale", i.scale().name(), "recovery", i.recovery().name());
    }
}
