package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.DataClass;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The six answers. Every field has a finite set of values, so the whole answer space
 * (4 × 3 × 8 × 3 × 3 × 3 = 2,592 intents) can be and is tested.
 *
 * @param data the sensitive data held; empty means none
 */
public record Intent(
        Building building,
        EndUsers endUsers,
        Set<DataClass> data,
        Residency residency,
        Scale scale,
        Recovery recovery) {

    /**
     * The answers pre-selected in the wizard. Personal data is ticked because almost every app with
     * sign-ups keeps e-mail addresses; assuming none would be the unsafe default.
     */
    public static final Intent DEFAULT = new Intent(Building.B2B_SAAS, EndUsers.BUSINESS_CUSTOMERS,
            Set.of(DataClass.PERSONAL), Residency.ANYWHERE, Scale.SMALL, Recovery.DAILY_BACKUPS);

    public Intent {
        var copy = EnumSet.noneOf(DataClass.class);
        copy.addAll(data);
        data = Collections.unmodifiableSet(copy);
    }

    public boolean holds(DataClass dataClass) {
        return data.contains(dataClass);
    }

    /**
     * The labels of the answer given to {@code question} (several for {@link Question#DATA}); a reason
     * that names its source contains at least one of them.
     */
    public List<String> labelsOf(Question question) {
        return switch (question) {
            case BUILDING -> List.of(building.label());
            case END_USERS -> List.of(endUsers.label());
            case DATA -> data.isEmpty() ? List.of(DataAnswers.NONE_LABEL)
                    : data.stream().map(DataAnswers::label).toList();
            case RESIDENCY -> List.of(residency.label());
            case SCALE -> List.of(scale.label());
            case RECOVERY -> List.of(recovery.label());
        };
    }
}
