package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.DataClass;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * User-facing words for {@link Question#DATA}. The answer is a set of tenancy's {@link DataClass}
 * (which plans are matched against), so its labels live here rather than on a parallel enum.
 */
public final class DataAnswers {

    /** Label of the empty answer. */
    public static final String NONE_LABEL = "No sensitive data";
    public static final String NONE_HELP = "None of the above: product catalogues, public content or measurements that identify no one.";

    private DataAnswers() {
    }

    public static String label(DataClass dataClass) {
        return switch (dataClass) {
            case PERSONAL -> "Personal data";
            case HEALTH -> "Health data";
            case PAYMENT -> "Payment data";
        };
    }

    public static String help(DataClass dataClass) {
        return switch (dataClass) {
            case PERSONAL -> "Anything that identifies a person: names, e-mail addresses, phone numbers, postal addresses.";
            case HEALTH -> "Medical conditions, treatments, prescriptions or wellbeing records about a person.";
            case PAYMENT -> "Card numbers, bank account details or payment transactions.";
        };
    }

    /** "personal data and payment data", or "no sensitive data": for use inside a sentence. */
    static String phrase(Set<DataClass> data) {
        if (data.isEmpty()) {
            return NONE_LABEL.toLowerCase(java.util.Locale.ROOT);
        }
        return Words.and(data.stream().sorted().map(d -> label(d).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toList()));
    }
}
