package io.sextant.platform.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The digit-level primitives agree with plain arithmetic on the numbers the scorer meets (the benchmark compares like with like). */
class VedicPrimitivesTest {

    @Test
    void digitLevelResultsEqualPlainArithmetic() {
        SplittableRandom r = new SplittableRandom(20261203L);
        for (int i = 0; i < 200_000; i++) {
            long a = r.nextLong(1, 3_000_000_000L);
            long b = r.nextLong(1, 3_000_000L);
            assertThat(VedicPrimitives.nearBase(a, b)).as(a + "×" + b).isEqualTo(a * b);
            assertThat(VedicPrimitives.digitalRoot(a)).isEqualTo(a % 9 == 0 ? 9 : a % 9);
            assertThat(VedicPrimitives.lessByDigits(a, b)).as(a + "<" + b).isEqualTo(a < b);
            long[] terms = {a, b, a / 3};
            assertThat(VedicPrimitives.ninesCheck(terms, a + b + a / 3)).isTrue();
        }
        assertThat(VedicPrimitives.nearBase(98, 97)).isEqualTo(9506);
        assertThat(VedicPrimitives.nearBase(1003, 1012)).isEqualTo(1015036);
        assertThat(VedicPrimitives.ninesCheck(new long[] {40_000, 25_000}, 64_000)).as("a slip of one digit is caught").isFalse();
    }
}
