package io.sextant.platform.risk.internal;

/**
 * The seed's digit-level "Vedic" arithmetic, for the benchmark beside plain {@code long}
 * arithmetic: digit sums and casting out nines (a check of a sum modulo 9), and near-base
 * (Nikhilam) multiplication. Not used by the scorer: on the JVM none of them beats the plain
 * operation they stand for (bench/risk, docs/risk-models.md), so they stay here.
 */
final class VedicPrimitives {

    private VedicPrimitives() {
    }

    /** Sum of the decimal digits of |n|. */
    static long digitSum(long n) {
        long x = Math.abs(n);
        long s = 0;
        while (x > 0) {
            s += x % 10;
            x /= 10;
        }
        return s;
    }

    /** The digital root by repeated digit sums: n mod 9, with 9 for non-zero multiples of 9. */
    static long digitalRoot(long n) {
        long x = Math.abs(n);
        while (x >= 10) {
            x = digitSum(x);
        }
        return x;
    }

    /** Casting out nines: whether {@code total} can be the sum of {@code terms} (a necessary condition only). */
    static boolean ninesCheck(long[] terms, long total) {
        long r = 0;
        for (long t : terms) {
            r = digitalRoot(r + digitalRoot(t));
        }
        return digitalRoot(r) == digitalRoot(total);
    }

    /**
     * Nikhilam: a × b via the nearest power of ten B: a·b = B·(a + (b − B)) + (a − B)(b − B). The
     * small product of the deficits is done plainly once they are below 10.
     */
    static long nearBase(long a, long b) {
        if (a < 10 || b < 10) {
            return a * b;
        }
        long base = 1;
        long m = Math.max(a, b);
        while (base * 10 <= m * 2 && base <= Long.MAX_VALUE / 100) {
            base *= 10;
        }
        long da = a - base;
        long db = b - base;
        long small = Math.abs(da) < 10 || Math.abs(db) < 10 || Math.abs(da) >= a || Math.abs(db) >= b ? da * db
                : Long.signum(da) * Long.signum(db) * nearBase(Math.abs(da), Math.abs(db));
        return base * (a + db) + small;
    }

    /** Compares two non-negative numbers digit by digit, most significant first: the "digit-level bound check". */
    static boolean lessByDigits(long a, long b) {
        int la = digits(a);
        int lb = digits(b);
        if (la != lb) {
            return la < lb;
        }
        long p = 1;
        for (int i = 1; i < la; i++) {
            p *= 10;
        }
        for (; p > 0; p /= 10) {
            long da = a / p % 10;
            long db = b / p % 10;
            if (da != db) {
                return da < db;
            }
        }
        return false;
    }

    private static int digits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }
}
