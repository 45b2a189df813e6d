package io.sextant.platform.onboarding;

/**
 * How a project's data is to be backed up. Backups are planned, not built: the target is derived,
 * checked against the plan and recorded on the project, and no backup is taken yet. When they
 * arrive they stay in the jurisdiction of the project's region, so a residency answer covers them
 * too. Declared weakest first: {@link #covers} relies on the order.
 */
public enum BackupTarget {
    NIGHTLY_SNAPSHOT("nightly snapshot, kept 1 day, same jurisdiction", false),
    DAILY_SNAPSHOTS("daily snapshots, kept 7 days, same jurisdiction", false),
    POINT_IN_TIME("point-in-time recovery, 7-day window, same jurisdiction", true);

    private final String description;
    private final boolean pointInTime;

    BackupTarget(String description, boolean pointInTime) {
        this.description = description;
        this.pointInTime = pointInTime;
    }

    public String description() {
        return description;
    }

    /** Whether the plan must offer point-in-time recovery for this target. */
    public boolean needsPointInTimeRecovery() {
        return pointInTime;
    }

    /** Whether this target restores at least as far back and as precisely as {@code other}. */
    public boolean covers(BackupTarget other) {
        return compareTo(other) >= 0;
    }
}
