package io.sextant.platform.onboarding;

/** The derived, user-editable items of a setup; a {@link Conflict} points at the one to change. */
public enum SetupItem {
    PLAN, REGION, ISOLATION, POLICY_PACKS, AUDIT_RETENTION, BACKUP
}
