package io.sextant.platform.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fixed-point numbers of risk scoring: every amount, feature value, weight and score is a
 * {@code long} of thousandths, so that a score is the same bytes on any JVM (no floating point in
 * the model's arithmetic). Coordinates are millionths of a degree.
 */
public final class Fixed {

    /** One unit in thousandths. */
    public static final long ONE = 1000;

    private Fixed() {
    }

    /**
     * Thousandths of a decimal ({@code "42.5"} → 42500).
     *
     * @throws IllegalArgumentException for more than three decimals or a value out of range
     */
    public static long thousandths(BigDecimal value, String what) {
        try {
            return value.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " takes at most three decimals and must be within ±9.2e15 (got " + value.toPlainString() + ")");
        }
    }

    /** Millionths of a degree; latitude within ±90, longitude within ±180. */
    public static long microDegrees(BigDecimal degrees, String what, int limit) {
        if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new IllegalArgumentException(what + " must be within ±" + limit + " degrees (got " + degrees.toPlainString() + ")");
        }
        return degrees.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** A thousandths value as a plain decimal: 42500 → "42.5", 3000 → "3". */
    public static String format(long thousandths) {
        return BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    }
}
