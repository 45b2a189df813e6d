package io.sextant.platform.authz;

import java.util.List;

/**
 * One rule's outcome in a decision. {@code applicable} is false when the rule does not cover the
 * action or the resource type (then {@code result} is {@code "N/A"} and no conditions were
 * evaluated); otherwise {@code result} is the three-valued result of its condition and
 * {@code matched} says whether the rule took effect (a permit or forbid "when" matches only on
 * {@code TRUE}; an "unless" matches unless its condition is {@code TRUE}).
 */
public record RuleOutcome(String ruleId, String ruleName, String ruleEffect, boolean applicable, String result, boolean matched,
        List<ConditionOutcome> conditions) {
}
