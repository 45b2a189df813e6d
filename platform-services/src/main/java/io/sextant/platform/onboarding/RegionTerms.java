package io.sextant.platform.onboarding;

import java.util.List;

/**
 * One enabled region, filled by the caller from {@code control_plane.region}.
 *
 * @param jurisdiction EU, US, UK, APAC or OTHER; matched against {@link Residency#jurisdiction()}
 */
public record RegionTerms(String code, String displayName, String jurisdiction) {

    /** The two regions of the default configuration ({@code application.yaml}); for tests. */
    public static final List<RegionTerms> DEFAULTS = List.of(
            new RegionTerms("eu-central", "EU Central (Frankfurt)", "EU"),
            new RegionTerms("us-east", "US East (Virginia)", "US"));
}
