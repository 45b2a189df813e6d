package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeReviewRule;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ShadowReport;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every {@link ChangeReviewRule} bean, asked in turn; a rule that throws refuses (fail closed). */
@Component
class ReviewRules {

    private final List<ChangeReviewRule> rules;

    ReviewRules(List<ChangeReviewRule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<String> refusals(ChangeTarget target, ShadowReport shadow) {
        List<String> out = new ArrayList<>();
        for (ChangeReviewRule rule : rules) {
            try {
                out.addAll(rule.refusals(target, shadow));
            } catch (RuntimeException e) {
                out.add(rule.getClass().getSimpleName() + " could not run: " + e.getMessage());
            }
        }
        return out;
    }
}
