package io.sextant.platform.tenancy;

import java.util.Set;

/** A plan's limits, which apply to every project of an organisation on it (a row of {@code control_plane.plan}). */
public record Plan(String code, String displayName, int rank, long storageLimitBytes, long rowLimit, long apiCallsPerDay,
        long decisionsPerDay, int auditRetentionDays, int maxProjects, Set<IsolationModel> allowedIsolation,
        Set<DataClass> allowedDataClasses, boolean regionPinning, boolean pointInTimeRecovery, int monthlyPriceCents) {
}
