package io.sextant.platform.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the home page shows, read at {@code checkedAt}.
 *
 * @param databaseUp      whether PostgreSQL answered
 * @param databaseVersion the server's own version string
 * @param problem         why the database did not answer, in plain words
 */
public record PlatformStatus(
        Instant checkedAt,
        boolean databaseUp,
        @Nullable String databaseVersion,
        @Nullable String databaseSize,
        @Nullable Duration roundTrip,
        List<AppliedMigration> migrations,
        int organizations,
        int projects,
        long operators,
        int openSessions,
        @Nullable String problem) {

    public record AppliedMigration(String version, String description, Instant installedAt, boolean success) {
    }
}
