package io.sextant.platform.onboarding;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Something the chosen plan must allow, and why.
 *
 * @param subject names the cause, e.g. "Health data", "Dedicated isolation for health data"
 * @param remedy how to drop the need instead of raising the plan, e.g. "remove health data"
 */
record PlanNeed(String id, String subject, Predicate<PlanTerms> met, Set<Question> sources, String remedy) {
}
