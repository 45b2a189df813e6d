package io.sextant.platform.authz;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * "Why was this denied (or allowed)?" in plain words: the rule(s) that decided, every condition that
 * failed with the values it saw, and the smallest change of the inputs that flips the decision
 * (see docs/policy-language.md, "Smallest change").
 *
 * @param summary        one sentence
 * @param decidedBy      the deciding rules (forbids that matched, or permits that matched; empty when the default denied)
 * @param reasons        one line per failed (or, for a forbid, matched) condition, with its values
 * @param smallestChange the attribute changes that would flip the decision, in words; when no change of up to three
 *                       inputs flips a denial, what the policy itself lacks (no rule covers the action, or none can match)
 * @param changedInputs  the same changes as path → new value (null = remove), to re-run the decision; a value taken
 *                       from the row reads {@link TraceMask#MASKED} when the row's values are masked
 * @param trace          the decision's trace, as much of its inputs as the reader was given
 * @param inputs         how much of the inputs the reader was given (row values masked under D009, or purged)
 */
public record Explanation(String decisionId, Effect effect, String summary, List<String> decidedBy, List<String> reasons,
        List<String> smallestChange, Map<String, @Nullable Object> changedInputs, DecisionTrace trace, TraceInputs inputs) {
}
