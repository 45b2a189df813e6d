package io.sextant.platform.risk;

import static io.sextant.platform.risk.RiskFixture.as;
import static io.sextant.platform.risk.RiskFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.TenancyNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Scores under a published model on real PostgreSQL: history features with their lineage, the
 * fast prefilter, "why risky", and the bad inputs (unknown project, no published model, roles).
 */
@PlatformTest
class RiskScoringTests {

    @Autowired
    RiskFixture fixture;
    @Autowired
    RiskScoreService scores;
    @Autowired
    JdbcTemplate jdbc;

    static final Instant T0 = Instant.parse("2026-11-02T14:00:00Z");
    static final long PARIS_LAT = 48_856_600L, PARIS_LON = 2_352_200L, NYC_LAT = 40_712_800L, NYC_LON = -74_006_000L;

    static Map<String, Contribution> byFeature(RiskScore s) {
        return s.contributions().stream().collect(Collectors.toMap(Contribution::feature, c -> c));
    }

    @Test
    void historyFeaturesKeepTheirLineageAndAFlaggedScoreSaysWhy() {
        UUID project = fixture.project();
        RiskModelVersion model = fixture.publish(project, RiskFixture.MODEL);
        String who = "user-" + UUID.randomUUID();
        List<Long> ids = new java.util.ArrayList<>();
        long[] amounts = {40_000, 50_000, 60_000};
        for (int i = 0; i < amounts.length; i++) {
            int n = i;
            RiskScore s = as("alice", "OPERATOR", () -> scores.score(project,
                    request(who, amounts[n], "10.0.0.1", "phone-1", PARIS_LAT, PARIS_LON, T0.plusSeconds(60L * n))));
            ids.add(s.requestId());
            assertThat(s.modelHash()).isEqualTo(model.versionHash());
        }
        // 10× the usual, from another continent, on a new device and address, 40 minutes later
        RiskScore risky = as("alice", "OPERATOR", () -> scores.score(project, request(who, 500_000L, "203.0.113.9", "laptop-9", NYC_LAT, NYC_LON,
                T0.plusSeconds(2400)), Prefilter.ON));
        Map<String, Contribution> c = byFeature(risky);
        assertThat(c.get("amount_vs_usual").value()).isEqualTo(10_000L); // 500 / median(40, 50, 60)
        assertThat(c.get("amount_vs_usual").readIds()).containsExactlyElementsOf(ids);
        assertThat(c.get("amount_vs_usual").points()).isEqualTo(40_000L);
        assertThat(c.get("velocity_1h").value()).isEqualTo(3_000L);
        assertThat(c.get("velocity_1h").readIds()).containsExactlyElementsOf(ids);
        assertThat(c.get("new_device").value()).isEqualTo(1_000L);
        assertThat(c.get("new_address").value()).isEqualTo(1_000L);
        assertThat(c.get("distance_km").value()).isBetween(5_830_000L, 5_840_000L);
        assertThat(c.get("distance_km").readIds()).containsExactly(ids.get(2));
        assertThat(c.values()).filteredOn(x -> x.stage() == FeatureStage.EXPENSIVE).allMatch(x -> ids.get(2).equals(x.historyThrough()));
        assertThat(risky.score()).isEqualTo(40_000L + 20_000L + 10_000L + 25_000L); // the amount itself (500) is below 1000
        assertThat(risky.flagged()).isTrue();
        assertThat(risky.prefiltered()).isFalse();
        assertThat(risky.why()).first().asString().startsWith("+40 (of at most 40), amount_vs_usual: amount 10× the principal's usual");
        assertThat(risky.why()).anyMatch(w -> w.contains("a device not seen before")).anyMatch(w -> w.contains("km from the previous location"));
        assertThat(risky.summary()).isEqualTo("Score 95 (threshold 70): flagged");

        // a known device and address, the usual amount, same place: cheap points 0 + expensive caps 105 ≥ 70, so no prefilter, and not flagged
        RiskScore calm = as("alice", "OPERATOR", () -> scores.score(project, request(who, 50_000L, "10.0.0.1", "phone-1", PARIS_LAT, PARIS_LON,
                T0.plusSeconds(3000))));
        assertThat(calm.flagged()).isFalse();
        assertThat(byFeature(calm).get("new_device").value()).isZero();
        assertThat(byFeature(calm).get("new_device").readIds()).containsExactly(ids.get(0));
        assertThat(jdbc.queryForObject("select count(*) from vedic.feature_value where score_id = ?", Long.class, calm.scoreId())).isEqualTo(7L);
    }

    @Test
    void theFastPrefilterSkipsTheHistoryWhenTheThresholdIsOutOfReach() {
        UUID project = fixture.project();
        fixture.publish(project, """
                threshold 50;
                feature amount weight 30 when value >= 1000;
                feature hour_of_day weight 10 when value < 6;
                feature amount_vs_usual weight 10 per 1 above 2 cap 20;
                feature new_device weight 20 when value == 1;
                """);
        String who = "user-" + UUID.randomUUID();
        // cheap points 0, expensive caps 40: the bound 40 is below 50
        RiskScore low = as("alice", "OPERATOR", () -> scores.score(project, request(who, 20_000L, null, "d1", null, null, T0)));
        assertThat(low.prefiltered()).isTrue();
        assertThat(low.flagged()).isFalse();
        assertThat(low.bound()).isEqualTo(40_000L);
        assertThat(low.score()).isZero();
        assertThat(byFeature(low).get("new_device").skipped()).isTrue();
        assertThat(byFeature(low).get("new_device").readIds()).isEmpty();
        assertThat(low.summary()).contains("at most 40").contains("fast prefilter");
        // the same request with the prefilter off reads the history: the full score is within the bound
        RiskScore full = as("alice", "OPERATOR", () -> scores.score(project, request(who, 20_000L, null, "d2", null, null, T0.plusSeconds(5)),
                Prefilter.OFF));
        assertThat(full.prefiltered()).isFalse();
        assertThat(full.score()).isEqualTo(20_000L).isLessThanOrEqualTo(full.bound());
        // a large amount gives 30 cheap points: bound 70 ≥ 50, so the expensive stage runs
        RiskScore high = as("alice", "OPERATOR", () -> scores.score(project, request(who, 2_000_000L, null, "d3", null, null, T0.plusSeconds(9))));
        assertThat(high.prefiltered()).isFalse();
        assertThat(high.flagged()).isTrue();
        assertThat(high.score()).isEqualTo(30_000L + 20_000L + 20_000L);
        // a prefiltered score counts at its cheap points (0 here), the others at their score: buckets 0-9, 20-29 and 70-79
        long[] buckets = as("carl", "COMPLIANCE", () -> scores.distribution(project, java.time.Duration.ofDays(1)));
        assertThat(buckets).containsExactly(1, 0, 1, 0, 0, 0, 0, 1, 0, 0);
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingStored() {
        UUID project = fixture.project();
        long before = jdbc.queryForObject("select count(*) from vedic.recorded_request", Long.class);
        RiskRequest r = request("u", 1L, null, null, null, null, T0);
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> scores.score(UUID.randomUUID(), r))).isInstanceOf(TenancyNotFoundException.class)
                .hasMessageContaining("Unknown project");
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> scores.score(project, r))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no published risk model");
        assertThatThrownBy(() -> as("bob", "SUPPORT", () -> scores.score(project, r))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new RiskRequest(" ", "payment", null, null, null, null, null, null, null)).hasMessageContaining("needs a principal");
        assertThatThrownBy(() -> new RiskRequest("u", "payment", null, null, null, 1L, null, null, null)).hasMessageContaining("both latitude");
        assertThat(jdbc.queryForObject("select count(*) from vedic.recorded_request", Long.class)).isEqualTo(before);
    }
}
