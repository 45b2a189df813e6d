package io.sextant.platform.onboarding;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Something the answers and edits ask for that the catalogue cannot give. A setup with a conflict
 * must not be applied.
 *
 * @param ruleId the rule of {@code docs/onboarding-rules.md} that found it
 * @param item the item to change to resolve it (the message names the alternative too)
 * @param message what is wrong and what to do, e.g. "Health data needs the Enterprise plan; the Team
 *     plan you chose does not allow it — choose Enterprise or remove health data"
 */
public record Conflict(String ruleId, SetupItem item, String message, Set<Question> sourceAnswers) {

    public Conflict {
        var copy = EnumSet.noneOf(Question.class);
        copy.addAll(sourceAnswers);
        sourceAnswers = Collections.unmodifiableSet(copy);
    }
}
