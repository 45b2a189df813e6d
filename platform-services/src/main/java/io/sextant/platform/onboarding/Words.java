package io.sextant.platform.onboarding;

import java.util.List;
import java.util.Locale;

/** Sentence helpers, so every reason and conflict reads the same way. */
final class Words {

    private Words() {
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String decapitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
