package io.sextant.platform.risk.internal;

import static io.sextant.jooq.vedic.Tables.RECORDED_REQUEST;
import static io.sextant.jooq.vedic.Tables.RISK_SCORE;
import static io.sextant.platform.risk.RiskFixture.as;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.risk.DemoRiskData;
import io.sextant.platform.risk.Prefilter;
import io.sextant.platform.risk.RiskFixture;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskRequest;
import io.sextant.platform.risk.RiskScore;
import io.sextant.platform.risk.RiskScoreService;
import io.sextant.platform.risk.RiskWorkload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * bench/risk/run.sh: the fast prefilter on a fixed workload (the demo model, 2 % high-risk requests),
 * side by side with the full scorer in one run: share of requests short-circuited, recall, scoring
 * throughput end to end through the service (durable: request, score and feature values recorded)
 * and of the scoring stage alone (features + model over the recorded history, as a replay runs it),
 * and the digit-level primitives against plain arithmetic. Not part of the suite.
 */
@PlatformTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RiskPrefilterBench {

    @Autowired
    RiskFixture fixture;
    @Autowired
    RiskScoreService scores;
    @Autowired
    RiskModelServiceImpl models;
    @Autowired
    DSLContext dsl;
    @Autowired
    ScoreRecorder recorder;
    @Autowired
    TransactionTemplate tx;

    static void out(String format, Object... args) {
        System.out.println("BENCH risk " + String.format(Locale.ROOT, format, args));
    }

    @Test
    void measure() {
        int n = Integer.getInteger("bench.n", 4000);
        UUID project = fixture.project();
        RiskModel model = as("alice", "OPERATOR", () -> models.check(DemoRiskData.MODEL));
        fixture.publish(project, DemoRiskData.MODEL);
        List<RiskRequest> work = RiskWorkload.stream(20261203L, n, 200, 0.02, Instant.parse("2026-11-03T09:00:00Z")).stream()
                .map(RiskWorkload.Item::request).toList();
        // warm-up on principals of their own
        for (int i = 0; i < Math.min(600, n); i++) {
            RiskRequest r = rename(work.get(i), "warm-");
            as("alice", "OPERATOR", () -> scores.score(project, r, Prefilter.OFF));
            as("alice", "OPERATOR", () -> scores.score(project, r, Prefilter.ON));
        }
        // alternate chunks so that the table's growth and the machine's load hit both
        long offNanos = 0, onNanos = 0;
        List<RiskScore> off = new ArrayList<>(n), on = new ArrayList<>(n);
        for (int from = 0; from < n; from += 250) {
            int to = Math.min(n, from + 250);
            long t = System.nanoTime();
            for (int i = from; i < to; i++) {
                RiskRequest r = rename(work.get(i), "off-");
                off.add(as("alice", "OPERATOR", () -> scores.score(project, r, Prefilter.OFF)));
            }
            offNanos += System.nanoTime() - t;
            t = System.nanoTime();
            for (int i = from; i < to; i++) {
                RiskRequest r = rename(work.get(i), "on-");
                on.add(as("alice", "OPERATOR", () -> scores.score(project, r, Prefilter.ON)));
            }
            onNanos += System.nanoTime() - t;
        }
        long flaggedFull = off.stream().filter(RiskScore::flagged).count();
        long kept = 0, skipped = 0;
        for (int i = 0; i < n; i++) {
            kept += off.get(i).flagged() && on.get(i).flagged() ? 1 : 0;
            skipped += on.get(i).prefiltered() ? 1 : 0;
        }
        out("workload n=%d principals=200 high-risk=2%% model=%s", n, model.hash().substring(0, 12));
        out("short-circuited %d of %d = %.1f %%", skipped, n, 100.0 * skipped / n);
        out("flagged by the full scorer %d, still flagged with the prefilter %d: recall %s", flaggedFull, kept,
                flaggedFull == 0 ? "n/a" : String.valueOf((double) kept / flaggedFull));
        double offRate = n / (offNanos / 1e9), onRate = n / (onNanos / 1e9);
        out("end to end (durable) full %.0f/s, prefilter %.0f/s: %.2fx", offRate, onRate, onRate / offRate);

        // the scoring stage alone, over the history the full run recorded (read-only), as replay would run it
        List<Object[]> recorded = dsl.select(RISK_SCORE.REQUEST_ID, RISK_SCORE.DIGEST, RECORDED_REQUEST.OCCURRED_AT).from(RISK_SCORE)
                .join(RECORDED_REQUEST).on(RECORDED_REQUEST.REQUEST_ID.eq(RISK_SCORE.REQUEST_ID))
                .where(RISK_SCORE.SCORE_ID.in(off.stream().map(RiskScore::scoreId).toList())).orderBy(RISK_SCORE.REQUEST_ID)
                .fetch(r -> new Object[] {r.value1(), r.value2(), r.value3().toInstant()});
        for (int round = 0; round < 3; round++) {
            long[] stage = new long[2];
            int[] identical = new int[1];
            for (Prefilter p : List.of(Prefilter.OFF, Prefilter.ON)) {
                tx.executeWithoutResult(s -> {
                    long t = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        RiskRequest r = rename(work.get(i), "off-");
                        long id = (Long) recorded.get(i)[0];
                        Instant at = (Instant) recorded.get(i)[2];
                        Scorer.Result res = Scorer.score(model, r, at,
                                () -> new History(dsl, project, r.principal(), recorder.lastRequest(project, r.principal(), id)), p);
                        if (p == Prefilter.OFF && ScoreRecorder.digest(project, id, r.principal(), model, at, res).equals(recorded.get(i)[1])) {
                            identical[0]++;
                        }
                    }
                    stage[p.ordinal()] = System.nanoTime() - t;
                });
            }
            out("scoring stage round %d: full %.0f/s, prefilter %.0f/s: %.2fx; full re-scores identical to the stored digest: %d of %d", round,
                    n / (stage[Prefilter.OFF.ordinal()] / 1e9), n / (stage[Prefilter.ON.ordinal()] / 1e9),
                    (double) stage[Prefilter.OFF.ordinal()] / stage[Prefilter.ON.ordinal()], identical[0], n);
        }
        primitives();
    }

    static RiskRequest rename(RiskRequest r, String prefix) {
        return new RiskRequest(prefix + r.principal(), r.action(), r.amount(), r.clientAddress(), r.device(), r.latitude(), r.longitude(),
                r.occurredAt(), r.externalId());
    }

    /** Digit-level primitives against the plain operation they stand for, best of 5 rounds of 2,000,000 operations. */
    static void primitives() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int m = 2_000_000;
        long[] a = new long[m], b = new long[m];
        for (int i = 0; i < m; i++) {
            a[i] = random.nextLong(1, 200_000_000L); // sums of points and bounds, in thousandths
            b[i] = random.nextLong(1, 200_000L);
        }
        long[][] terms = new long[m / 4][];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = new long[] {a[4 * i] % 60_000, a[4 * i + 1] % 60_000, a[4 * i + 2] % 60_000, a[4 * i + 3] % 60_000};
        }
        bench("multiply weight x steps", m, i -> a[i] % 60_000 * (b[i] % 100), i -> VedicPrimitives.nearBase(a[i] % 60_000, b[i] % 100));
        bench("bound < threshold", m, i -> a[i] < b[i] * 1000 ? 1 : 0, i -> VedicPrimitives.lessByDigits(a[i], b[i] * 1000) ? 1 : 0);
        bench("mod 9 (digital root)", m, i -> a[i] % 9, i -> VedicPrimitives.digitalRoot(a[i]));
        bench("sum of 4 points + check", m / 4, i -> {
            long[] t = terms[i];
            return Math.addExact(Math.addExact(t[0], t[1]), Math.addExact(t[2], t[3]));
        }, i -> {
            long[] t = terms[i];
            long s = t[0] + t[1] + t[2] + t[3];
            return VedicPrimitives.ninesCheck(t, s) ? s : -1;
        });
    }

    interface Op {
        long apply(int i);
    }

    static void bench(String what, int m, Op plain, Op digits) {
        long bestPlain = Long.MAX_VALUE, bestDigits = Long.MAX_VALUE, sink = 0;
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < m; i++) {
                sink += plain.apply(i);
            }
            bestPlain = Math.min(bestPlain, System.nanoTime() - t);
            t = System.nanoTime();
            for (int i = 0; i < m; i++) {
                sink -= digits.apply(i);
            }
            bestDigits = Math.min(bestDigits, System.nanoTime() - t);
        }
        out("primitive %-26s plain %6.2f ns/op, digit-level %6.2f ns/op: digit-level is %.1fx %s (checksum %d)", what, (double) bestPlain / m,
                (double) bestDigits / m, Math.max(bestPlain, bestDigits) / (double) Math.min(bestPlain, bestDigits),
                bestDigits < bestPlain ? "faster" : "slower", sink);
    }
}
