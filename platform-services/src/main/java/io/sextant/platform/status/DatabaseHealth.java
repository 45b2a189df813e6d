package io.sextant.platform.status;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The platform database at a glance, read with constant-cost queries (no table is counted): what the
 * home page shows about it.
 *
 * @param schemaVersion   the latest applied migration's version
 * @param migrationFailed the latest migration is recorded as failed
 * @param problem         why the database did not answer, in plain words
 */
public record DatabaseHealth(Instant checkedAt, boolean up, @Nullable String version, @Nullable String size,
                             @Nullable Duration roundTrip, @Nullable String schemaVersion, boolean migrationFailed,
                             @Nullable String problem) {
}
