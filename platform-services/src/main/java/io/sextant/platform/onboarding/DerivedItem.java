package io.sextant.platform.onboarding;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One derived value with why it was chosen.
 *
 * @param reason a plain sentence; when derived from answers it quotes the label of at least one of
 *     {@code sourceAnswers}
 * @param sourceAnswers the questions whose answers led to the value; empty only when the value
 *     follows from the user's own edits alone, which the reason then names ("(your choice)")
 * @param overridden true when the user chose the value instead of the rules
 */
public record DerivedItem<T>(T value, String reason, Set<Question> sourceAnswers, boolean overridden) {

    public DerivedItem {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a derived item needs a reason");
        }
        var copy = EnumSet.noneOf(Question.class);
        copy.addAll(sourceAnswers);
        sourceAnswers = Collections.unmodifiableSet(copy);
    }
}
