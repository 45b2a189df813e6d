package io.sextant.platform.tenancy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to provision: a project (tenant) of an organisation, where, how isolated, holding which
 * kinds of data, with which policy pack. The constructor rejects malformed input; whether the
 * organisation's plan allows it is checked by {@link ProvisioningService#preflight} and again at apply.
 *
 * @param slug lower-case letters, digits and dashes, 3 to 40 characters, unique within the organisation
 */
public record ProjectSpec(String orgSlug, String slug, String name, String region, IsolationModel isolation,
        Set<DataClass> dataClasses, PolicyPack policyPack) {

    public static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,38}[a-z0-9]$");

    public ProjectSpec {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("Invalid project name \"" + slug
                    + "\": use 3 to 40 lower-case letters, digits or dashes, starting with a letter.");
        }
        if (orgSlug == null || !SLUG.matcher(orgSlug).matches()) {
            throw new IllegalArgumentException("Invalid organisation slug \"" + orgSlug + "\".");
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("A project needs a display name of 1 to 120 characters.");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("A project needs a region.");
        }
        dataClasses = Set.copyOf(dataClasses);
    }
}
