package io.sextant.platform.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * A new tenant as the wizard (or {@code /api/v1/onboarding}) asks for it: which organisation
 * (an existing one by slug, or a new one when {@code newOrganizationName} is given), the project's
 * name, the answers and the user's edits.
 *
 * @param confirmPlanChange the plan code the operator confirms moving an existing organisation to,
 *     when the setup needs a higher plan than it has (see {@link PlanChange}); null confirms nothing
 */
public record TenantRequest(
        String organizationSlug,
        @Nullable String newOrganizationName,
        String projectSlug,
        String projectName,
        Intent intent,
        Overrides overrides,
        @Nullable String confirmPlanChange) {

    /** A request that confirms no plan change. */
    public TenantRequest(String organizationSlug, @Nullable String newOrganizationName, String projectSlug, String projectName,
            Intent intent, Overrides overrides) {
        this(organizationSlug, newOrganizationName, projectSlug, projectName, intent, overrides, null);
    }

    /** The same request, confirming the move to {@code planCode}. */
    public TenantRequest confirmingPlan(@Nullable String planCode) {
        return new TenantRequest(organizationSlug, newOrganizationName, projectSlug, projectName, intent, overrides, planCode);
    }

    public boolean createsOrganization() {
        return newOrganizationName != null && !newOrganizationName.isBlank();
    }
}
