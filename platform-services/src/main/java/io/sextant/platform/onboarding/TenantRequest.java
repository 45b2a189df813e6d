package io.sextant.platform.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * A new tenant as the wizard (or {@code /api/v1/onboarding}) asks for it: which organisation
 * (an existing one by slug, or a new one when {@code newOrganizationName} is given), the project's
 * name, the answers and the user's edits.
 */
public record TenantRequest(
        String organizationSlug,
        @Nullable String newOrganizationName,
        String projectSlug,
        String projectName,
        Intent intent,
        Overrides overrides) {

    public boolean createsOrganization() {
        return newOrganizationName != null && !newOrganizationName.isBlank();
    }
}
