package io.sextant.platform.risk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compiled risk model: an additive score over capped, never-negative contributions, flagged at
 * {@code threshold}. All numbers are thousandths ({@link Fixed}). Named by {@code hash}: the
 * SHA-256 of the canonical text and of the definitions ({@code name@version}) of the features it
 * uses, so changing a feature's definition makes a new model version.
 */
public record RiskModel(String hash, String canonical, String featureDefinitions, long threshold, List<Term> terms) {

    /** The largest score this model can give: the sum of every term's cap. */
    public long maxScore() {
        return terms.stream().mapToLong(Term::cap).sum();
    }

    /**
     * One line of the model. Its contribution is 0 when the feature has no value or the condition
     * does not hold; otherwise {@code weight} (a flat term) or {@code weight} per whole
     * {@code per} above {@code above} (a graded term) — never more than {@code cap}.
     */
    public record Term(String feature, FeatureStage stage, long weight, @Nullable Long per, @Nullable Long above, long cap,
            @Nullable Condition condition, int line, int column) {

        /** The contribution for a value, in thousandths of a point; between 0 and {@link #cap()}. */
        public long contribution(@Nullable Long value) {
            if (value == null || (condition != null && !condition.holds(value))) {
                return 0;
            }
            if (per == null) {
                return Math.min(weight, cap);
            }
            if (value <= above) {
                return 0;
            }
            // whole steps above the base; thousandths over thousandths, so no scale to fix up
            long steps = Math.subtractExact(value, above) / per;
            return steps >= Math.ceilDiv(cap, weight) ? cap : Math.min(cap, weight * steps);
        }
    }

    /** Comparisons of the feature's value joined by {@code or} of {@code and}s (and binds tighter). */
    public record Condition(List<List<Comparison>> anyOf) {

        public boolean holds(long value) {
            return anyOf.stream().anyMatch(all -> all.stream().allMatch(c -> c.holds(value)));
        }
    }

    public record Comparison(String op, long literal) {

        public boolean holds(long value) {
            return switch (op) {
                case "==" -> value == literal;
                case "!=" -> value != literal;
                case "<" -> value < literal;
                case "<=" -> value <= literal;
                case ">" -> value > literal;
                case ">=" -> value >= literal;
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }
}
