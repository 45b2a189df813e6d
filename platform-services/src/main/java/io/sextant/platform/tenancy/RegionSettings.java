package io.sextant.platform.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * One configured region ({@code sextant.regions.<code>.*}): where its PostgreSQL server is. With no
 * {@code url}, the console runs an embedded server for the region in
 * {@code <sextant.embedded.directory>/regions/<code>} on {@code embedded-port}.
 *
 * @param jurisdiction EU, US, UK, APAC or OTHER: what data-residency answers are matched against
 */
public record RegionSettings(
        String displayName,
        String jurisdiction,
        @Nullable String url,
        @Nullable String ownerUsername,
        @Nullable String ownerPassword,
        @Nullable Integer embeddedPort) {
}
