package io.sextant.platform.risk;

import static io.sextant.platform.risk.RiskFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.testing.prop.Gen;
import io.sextant.platform.testing.prop.PropertyCheck;
import io.sextant.platform.testing.prop.Stats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fast prefilter has no false negatives. Each case is a generated model and workload (or the
 * recorded demo stream), scored twice on real PostgreSQL under one published model — once with the
 * prefilter on, once off, by principals of their own so that both runs read the same history. For
 * every request: the full scorer's flag equals the prefiltered run's (so every flagged request is
 * still flagged); a prefiltered score has the same bound, the same value and points for every cheap
 * feature, and cheap points ≤ full score ≤ bound < threshold; a score the prefilter did not settle is
 * identical to the full one — score, bound, and each feature's value, points, lineage (the
 * requests it read, as positions in the workload) and history watermark.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrefilterPropertyTest {

    @Autowired
    RiskFixture fixture;
    @Autowired
    RiskScoreService scores;

    UUID project;

    @BeforeAll
    void project() {
        project = fixture.project();
    }

    record Case(String model, List<RiskRequest> requests) {
    }

    static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");

    static Gen<String> term(String feature, List<Long> literals, boolean graded) {
        Gen<Integer> weight = Gen.between(1, 40);
        Gen<String> cmp = s -> "value " + Gen.of("==", "!=", "<", "<=", ">", ">=").next(s) + " " + Gen.of(literals).next(s);
        return s -> {
            int w = weight.next(s);
            StringBuilder b = new StringBuilder("feature " + feature + " weight " + w);
            if (graded && s.draw(2) == 1) {
                b.append(" per ").append(Gen.of(literals.subList(1, literals.size())).next(s)).append(" above ").append(Gen.of(literals).next(s));
                b.append(" cap ").append(1 + s.draw(60));
            } else if (s.draw(3) == 1) {
                b.append(" cap ").append(1 + s.draw(60));
            }
            if (s.draw(3) > 0) {
                b.append(" when ").append(cmp.next(s));
                if (s.draw(3) == 0) {
                    b.append(s.draw(2) == 0 ? " and " : " or ").append(cmp.next(s));
                }
            }
            return b.append(";\n").toString();
        };
    }

    static final Gen<String> MODEL = s -> {
        StringBuilder b = new StringBuilder("threshold " + (5 + s.draw(120)) + ";\n");
        List<Gen<String>> terms = List.of(term("amount", List.of(0L, 50L, 500L, 1000L, 5000L), true),
                term("hour_of_day", List.of(0L, 3L, 6L, 12L, 22L), false), term("amount_vs_usual", List.of(0L, 1L, 2L, 3L, 10L), true),
                term("velocity_1h", List.of(0L, 1L, 2L, 4L, 8L), true), term("new_device", List.of(0L, 1L), false),
                term("new_address", List.of(0L, 1L), false), term("distance_km", List.of(0L, 10L, 500L, 2000L, 9000L), true));
        int used = 0;
        for (Gen<String> t : terms) {
            if (s.draw(3) > 0) {
                b.append(t.next(s));
                used++;
            }
        }
        return used == 0 ? b.append("feature amount weight 10;\n").toString() : b.toString();
    };

    static final long[][] PLACES = {{48_856_600L, 2_352_200L}, {48_900_000L, 2_400_000L}, {40_712_800L, -74_006_000L}, {35_676_200L, 139_650_300L}};

    static final Gen<RiskRequest> REQUEST = s -> {
        String principal = "p" + s.draw(3);
        Long amount = Gen.of(null, 10_000L, 40_000L, 60_000L, 900_000L, 7_000_000L).next(s);
        String address = Gen.of(null, "a1", "a2", "a3").next(s);
        String device = Gen.of(null, "d1", "d2", "d3").next(s);
        long[] place = s.draw(4) == 0 ? null : PLACES[s.draw(PLACES.length)];
        Instant at = T0.plus(Duration.ofMinutes(s.draw(24 * 60)));
        return new RiskRequest(principal, "payment", amount, address, device, place == null ? null : place[0], place == null ? null : place[1], at, null);
    };

    static final Gen<Case> CASES = s -> new Case(MODEL.next(s), REQUEST.list(1, 25).next(s));

    @Test
    void theFullScorersFlagsAreKeptOnGeneratedWorkloads() {
        Stats stats = new Stats();
        PropertyCheck.check("prefilter recall", CASES, stats, Duration.ofSeconds(Long.getLong("sextant.prefilter.budget-seconds", 40)), 400,
                PropertyCheck.seed("sextant.prefilter.seed"), c -> holds(c, stats));
        assertThat(stats.count("prefiltered", true)).as("the prefilter settled some requests").isPositive();
        assertThat(stats.count("flagged", true)).as("some requests were flagged").isPositive();
    }

    @Test
    void theFullScorersFlagsAreKeptOnTheRecordedDemoStream() {
        Stats stats = new Stats();
        List<RiskRequest> stream = RiskWorkload.stream(20261203L, 300, 15, 0.05, T0).stream().map(RiskWorkload.Item::request).toList();
        holds(new Case(DemoRiskData.MODEL, stream), stats);
        System.out.println("Demo stream under the demo model:\n" + stats.report());
        assertThat(stats.count("prefiltered", true)).isGreaterThan(stream.size() / 2);
        assertThat(stats.count("flagged", true)).isPositive();
    }

    void holds(Case c, Stats stats) {
        fixture.publish(project, c.model());
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Long, Integer> onIndex = new HashMap<>();
        Map<Long, Integer> offIndex = new HashMap<>();
        List<RiskScore[]> pairs = new ArrayList<>();
        for (int i = 0; i < c.requests().size(); i++) {
            RiskRequest r = c.requests().get(i);
            RiskScore on = as("alice", "OPERATOR", () -> scores.score(project, renamed(r, run + "-on-"), Prefilter.ON));
            RiskScore off = as("alice", "OPERATOR", () -> scores.score(project, renamed(r, run + "-off-"), Prefilter.OFF));
            onIndex.put(on.requestId(), i);
            offIndex.put(off.requestId(), i);
            pairs.add(new RiskScore[] {on, off});
        }
        for (int i = 0; i < pairs.size(); i++) {
            RiskScore on = pairs.get(i)[0];
            RiskScore off = pairs.get(i)[1];
            String at = "request " + i + " of " + c.requests() + "\nmodel:\n" + c.model();
            stats.collect("prefiltered", on.prefiltered());
            stats.collect("flagged", off.flagged());
            assertThat(off.prefiltered()).isFalse();
            assertThat(off.score()).as(at).isBetween(0L, off.bound());
            assertThat(on.flagged()).as("flag with and without the prefilter, " + at).isEqualTo(off.flagged());
            assertThat(on.bound()).as(at).isEqualTo(off.bound());
            if (on.prefiltered()) {
                assertThat(on.bound()).as(at).isLessThan(on.threshold());
                assertThat(off.score()).as(at).isBetween(on.score(), on.bound());
                assertThat(cheap(on)).as(at).isEqualTo(cheap(off));
                assertThat(on.contributions()).filteredOn(x -> x.stage() == FeatureStage.EXPENSIVE).allMatch(Contribution::skipped);
            } else {
                assertThat(on.score()).as(at).isEqualTo(off.score());
                assertThat(lineage(on, onIndex)).as(at).isEqualTo(lineage(off, offIndex));
            }
        }
    }

    static RiskRequest renamed(RiskRequest r, String prefix) {
        return new RiskRequest(prefix + r.principal(), r.action(), r.amount(), r.clientAddress(), r.device(), r.latitude(), r.longitude(),
                r.occurredAt(), r.externalId());
    }

    static List<String> cheap(RiskScore s) {
        return s.contributions().stream().filter(x -> x.stage() == FeatureStage.CHEAP).map(x -> x.feature() + "=" + x.value() + "/" + x.points()).toList();
    }

    /** Every feature's value, points, the requests it read and its watermark, as positions in the workload. */
    static List<String> lineage(RiskScore s, Map<Long, Integer> index) {
        return s.contributions().stream().map(x -> x.feature() + "@" + x.definitionVersion() + "=" + x.value() + "/" + x.points() + " read "
                + x.readIds().stream().map(index::get).toList() + " through " + (x.historyThrough() == null ? null : index.get(x.historyThrough()))).toList();
    }
}
