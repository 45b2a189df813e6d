package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.IsolationModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The user's edits of derived items; null means "derive it". Everything not edited is re-derived
 * from the answers and the edits, so an edit's consequences (e.g. a higher plan) show at once. An
 * edit the answers forbid is kept and reported as a conflict, never silently undone.
 */
public record Overrides(
        @Nullable String planCode,
        @Nullable String regionCode,
        @Nullable IsolationModel isolation,
        @Nullable Set<PolicyPack> policyPacks,
        @Nullable Integer auditRetentionDays,
        @Nullable BackupTarget backup) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null);

    /** @throws IllegalArgumentException if the audit retention is below one day */
    public Overrides {
        if (auditRetentionDays != null && auditRetentionDays < 1) {
            throw new IllegalArgumentException("audit retention must be at least one day");
        }
        if (policyPacks != null) {
            var copy = EnumSet.noneOf(PolicyPack.class);
            copy.addAll(policyPacks);
            policyPacks = Collections.unmodifiableSet(copy);
        }
    }

    public Overrides withPlan(@Nullable String code) {
        return new Overrides(code, regionCode, isolation, policyPacks, auditRetentionDays, backup);
    }

    public Overrides withRegion(@Nullable String code) {
        return new Overrides(planCode, code, isolation, policyPacks, auditRetentionDays, backup);
    }

    public Overrides withIsolation(@Nullable IsolationModel model) {
        return new Overrides(planCode, regionCode, model, policyPacks, auditRetentionDays, backup);
    }

    public Overrides withPolicyPacks(@Nullable Set<PolicyPack> packs) {
        return new Overrides(planCode, regionCode, isolation, packs, auditRetentionDays, backup);
    }

    public Overrides withAuditRetentionDays(@Nullable Integer days) {
        return new Overrides(planCode, regionCode, isolation, policyPacks, days, backup);
    }

    public Overrides withBackup(@Nullable BackupTarget target) {
        return new Overrides(planCode, regionCode, isolation, policyPacks, auditRetentionDays, target);
    }
}
