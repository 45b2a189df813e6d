package io.sextant.platform.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of sign-ins and payments for the demo, the property test and the
 * benchmark: principals with a home city, device, address and usual amount, requesting in daytime;
 * a stated share of high-risk requests (ten to thirty times the usual amount, at night, from a new
 * device and address on another continent). The same seed gives the same stream.
 */
public final class RiskWorkload {

    /** One request of the stream and whether it was generated as high-risk. */
    public record Item(RiskRequest request, boolean highRisk) {
    }

    private static final long[][] CITIES = {
        {48_856_600L, 2_352_200L}, {52_520_000L, 13_405_000L}, {40_416_800L, -3_703_800L}, {45_464_200L, 9_190_000L},
        {40_712_800L, -74_006_000L}, {-33_868_800L, 151_209_300L}, {35_676_200L, 139_650_300L}, {-23_550_500L, -46_633_300L},
    };

    private RiskWorkload() {
    }

    public static List<Item> stream(long seed, int n, int principals, double highRiskShare, Instant start) {
        // SplittableRandom: java.util.Random's successive draws correlate enough here to starve the high-risk share
        SplittableRandom random = new SplittableRandom(seed);
        long[] usual = new long[principals];
        for (int p = 0; p < principals; p++) {
            // most spend tens to hundreds; one in twenty spends thousands as a matter of course
            usual[p] = (random.nextInt(20) == 0 ? 1_000 + random.nextInt(4_000) : 20 + random.nextInt(300)) * Fixed.ONE;
        }
        List<Item> out = new ArrayList<>(n);
        Instant at = start;
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(principals);
            at = at.plus(Duration.ofSeconds(5 + random.nextInt(40)));
            boolean high = random.nextDouble() < highRiskShare;
            boolean payment = high || random.nextInt(3) > 0;
            Instant when = high ? at.atZone(java.time.ZoneOffset.UTC).withHour(2 + random.nextInt(3)).toInstant() : daytime(at);
            long[] city = high ? CITIES[4 + random.nextInt(4)] : CITIES[p % 4];
            Long amount = payment ? (high ? usual[p] * (10 + random.nextInt(21)) : Math.max(Fixed.ONE, usual[p] / 2 + random.nextLong(Math.max(1, usual[p])))) : null;
            String address = high ? "198.51.100." + random.nextInt(250) : "10." + (p % 250) + ".0." + (1 + random.nextInt(2));
            String device = high ? "device-" + Long.toHexString(random.nextLong()) : "device-" + p;
            out.add(new Item(new RiskRequest("user-" + p, payment ? "payment" : "sign-in", amount, address, device, city[0], city[1], when,
                    "w" + seed + "-" + i), high));
        }
        return out;
    }

    /** Moves night-time stamps of ordinary requests to the afternoon of the same day. */
    private static Instant daytime(Instant at) {
        var t = at.atZone(java.time.ZoneOffset.UTC);
        return t.getHour() < 8 ? t.withHour(8 + t.getHour() + 6).toInstant() : at;
    }
}
