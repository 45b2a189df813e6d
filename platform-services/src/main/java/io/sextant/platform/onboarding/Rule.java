package io.sextant.platform.onboarding;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One row of the rules table: when {@code when} holds for the answers, the item gets {@code value}.
 *
 * @param because completes "… because …" and names the answer it came from
 * @param topic short noun phrase for the cause ("health data"), used in plan reasons and conflicts
 * @param remedy how to drop the cause ("remove health data"); empty when it cannot be dropped
 * @param required true when the value is a minimum the user may not edit below (a conflict), false
 *     when it is only a recommendation the user may overrule
 */
record Rule<T>(
        String id,
        Predicate<Intent> when,
        T value,
        Set<Question> sources,
        Function<Intent, String> because,
        Function<Intent, String> topic,
        String remedy,
        boolean required) {

    static <T> Rule<T> of(String id, Predicate<Intent> when, T value, Set<Question> sources,
            Function<Intent, String> because, String topic, String remedy, boolean required) {
        return new Rule<>(id, when, value, sources, because, i -> topic, remedy, required);
    }
}
