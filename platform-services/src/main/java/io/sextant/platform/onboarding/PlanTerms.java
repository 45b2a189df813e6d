package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one plan allows, as far as onboarding decides: filled by the caller from
 * {@code control_plane.plan}. A lower {@code rank} is cheaper; rules pick the lowest rank that
 * allows everything needed.
 */
public record PlanTerms(
        String code,
        String displayName,
        int rank,
        Set<IsolationModel> allowedIsolation,
        Set<DataClass> allowedDataClasses,
        boolean regionPinning,
        boolean pointInTimeRecovery,
        int maxAuditRetentionDays,
        long rowLimit,
        long apiCallsPerDay) {

    /** The four plans as migration V0010 inserts them; for tests and documentation. */
    public static final List<PlanTerms> DEFAULTS = List.of(
            new PlanTerms("free", "Free", 1, Set.of(IsolationModel.SHARED), Set.of(),
                    false, false, 7, 50_000L, 10_000L),
            new PlanTerms("pro", "Pro", 2, Set.of(IsolationModel.SHARED), Set.of(DataClass.PERSONAL),
                    true, false, 90, 1_000_000L, 500_000L),
            new PlanTerms("team", "Team", 3, Set.of(IsolationModel.SHARED, IsolationModel.DEDICATED),
                    Set.of(DataClass.PERSONAL, DataClass.PAYMENT), true, true, 365, 50_000_000L, 5_000_000L),
            new PlanTerms("enterprise", "Enterprise", 4, Set.of(IsolationModel.SHARED, IsolationModel.DEDICATED),
                    Set.of(DataClass.PERSONAL, DataClass.PAYMENT, DataClass.HEALTH), true, true, 2555,
                    500_000_000L, 50_000_000L));

    public PlanTerms {
        allowedIsolation = Collections.unmodifiableSet(copy(allowedIsolation, IsolationModel.class));
        allowedDataClasses = Collections.unmodifiableSet(copy(allowedDataClasses, DataClass.class));
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> values, Class<E> type) {
        var copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return copy;
    }
}
