package io.sextant.platform.risk.internal;

import io.sextant.platform.risk.FeatureInfo;
import io.sextant.platform.risk.FeatureStage;
import io.sextant.platform.risk.Fixed;
import io.sextant.platform.risk.RiskRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record3;
import org.jspecify.annotations.Nullable;

/**
 * The built-in feature definitions. Values are thousandths ({@link Fixed}); a flag is 1 or 0.
 * Bump a definition's version whenever what it computes changes.
 */
public final class Features {

    static final int USUAL_OF_LAST = 20;
    static final Duration VELOCITY_WINDOW = Duration.ofHours(1);
    static final int VELOCITY_LIMIT = 1000;

    private static final Map<String, Feature> ALL = new LinkedHashMap<>();

    static {
        cheap(new FeatureInfo("amount", 1, FeatureStage.CHEAP, "amount", "the request's amount"),
                (r, at) -> r.amount(), (v, m) -> v == null ? "no amount" : "amount " + Feature.shown(Fixed.format(v), m));
        cheap(new FeatureInfo("hour_of_day", 1, FeatureStage.CHEAP, "hour (UTC)", "the hour of the day the request occurred, 0-23 UTC"),
                (r, at) -> at.atOffset(ZoneOffset.UTC).getHour() * Fixed.ONE,
                (v, m) -> "at " + Feature.shown(String.format(java.util.Locale.ROOT, "%02d:00-%02d:59", v / Fixed.ONE, v / Fixed.ONE), m) + " UTC");
        expensive(new FeatureInfo("amount_vs_usual", 1, FeatureStage.EXPENSIVE, "ratio",
                "the amount divided by the median of the principal's last " + USUAL_OF_LAST + " positive amounts"), Features::amountVsUsual,
                (v, m) -> v == null ? "no usual amount to compare with (no amount, or no earlier amounts)"
                        : "amount " + Feature.shown(Fixed.format(v), m) + "× the principal's usual");
        expensive(new FeatureInfo("velocity_1h", 1, FeatureStage.EXPENSIVE, "requests",
                "how many of the principal's requests occurred in the hour before this one"), (h, r, at) -> {
                    List<Long> ids = h.between(at.minus(VELOCITY_WINDOW), at, VELOCITY_LIMIT);
                    return new Feature.Computed(ids.size() * Fixed.ONE, ids);
                }, (v, m) -> "requests in the hour before: " + Feature.shown(Fixed.format(v == null ? 0 : v), m));
        expensive(new FeatureInfo("new_address", 1, FeatureStage.EXPENSIVE, "1 = new",
                "1 when the client address was never seen in the principal's earlier requests"), (h, r, at) -> seen(h, r.clientAddress(), History.address()),
                (v, m) -> v == null ? "no client address, or no earlier requests to compare with"
                        : v > 0 ? "a client address not seen before for this principal" : "a client address seen before");
        expensive(new FeatureInfo("new_device", 1, FeatureStage.EXPENSIVE, "1 = new",
                "1 when the device was never seen in the principal's earlier requests"), (h, r, at) -> seen(h, r.device(), History.device()),
                (v, m) -> v == null ? "no device, or no earlier requests to compare with"
                        : v > 0 ? "a device not seen before for this principal" : "a device seen before");
        expensive(new FeatureInfo("distance_km", 1, FeatureStage.EXPENSIVE, "km",
                "great-circle distance from the principal's previous recorded location"), Features::distance,
                (v, m) -> v == null ? "no location, or no earlier location" : Feature.shown(Fixed.format(v), m) + " km from the previous location");
    }

    private Features() {
    }

    public static List<FeatureInfo> infos() {
        return ALL.values().stream().map(Feature::info).toList();
    }

    public static Map<String, FeatureInfo> byName() {
        Map<String, FeatureInfo> m = new LinkedHashMap<>();
        ALL.forEach((k, v) -> m.put(k, v.info()));
        return m;
    }

    static Feature get(String name) {
        Feature f = ALL.get(name);
        if (f == null) {
            throw new IllegalStateException("No feature definition " + name);
        }
        return f;
    }

    private static Feature.Computed amountVsUsual(History h, RiskRequest r, Instant at) {
        if (r.amount() == null || h.empty()) {
            return new Feature.Computed(null, List.of());
        }
        List<long[]> last = h.lastAmounts(USUAL_OF_LAST);
        if (last.isEmpty()) {
            return new Feature.Computed(null, List.of());
        }
        long[] amounts = last.stream().mapToLong(x -> x[1]).sorted().toArray();
        long usual = amounts[(amounts.length - 1) / 2]; // the lower median: an integer, no rounding
        List<Long> ids = new ArrayList<>(last.stream().map(x -> x[0]).toList());
        ids.sort(null);
        long ratio;
        try {
            ratio = Math.multiplyExact(r.amount(), Fixed.ONE) / usual;
        } catch (ArithmeticException e) {
            ratio = Long.MAX_VALUE; // beyond any condition a model can write
        }
        return new Feature.Computed(ratio, ids);
    }

    private static Feature.Computed seen(History h, @Nullable String value, org.jooq.Field<String> column) {
        if (value == null || h.empty()) {
            return new Feature.Computed(null, List.of());
        }
        Long first = h.firstWith(column, value);
        return first == null ? new Feature.Computed(Fixed.ONE, List.of()) : new Feature.Computed(0L, List.of(first));
    }

    private static Feature.Computed distance(History h, RiskRequest r, Instant at) {
        if (r.latitude() == null || h.empty()) {
            return new Feature.Computed(null, List.of());
        }
        Record3<Long, Long, Long> prev = h.previousLocation();
        if (prev == null) {
            return new Feature.Computed(null, List.of());
        }
        // metres are thousandths of a kilometre
        return new Feature.Computed(Haversine.metres(prev.value2(), prev.value3(), r.latitude(), r.longitude()), List.of(prev.value1()));
    }

    private interface CheapValue {
        @Nullable Long value(RiskRequest r, Instant at);
    }

    private interface ExpensiveValue {
        Feature.Computed compute(History h, RiskRequest r, Instant at);
    }

    private interface Words {
        String words(@Nullable Long v, boolean masked);
    }

    private static void cheap(FeatureInfo info, CheapValue value, Words words) {
        ALL.put(info.name(), new Feature.Cheap() {
            public FeatureInfo info() {
                return info;
            }

            public @Nullable Long value(RiskRequest request, Instant at) {
                return value.value(request, at);
            }

            public String words(@Nullable Long v, boolean masked) {
                return words.words(v, masked);
            }
        });
    }

    private static void expensive(FeatureInfo info, ExpensiveValue value, Words words) {
        ALL.put(info.name(), new Feature.Expensive() {
            public FeatureInfo info() {
                return info;
            }

            public Feature.Computed compute(History history, RiskRequest request, Instant at) {
                return value.compute(history, request, at);
            }

            public String words(@Nullable Long v, boolean masked) {
                return words.words(v, masked);
            }
        });
    }
}
