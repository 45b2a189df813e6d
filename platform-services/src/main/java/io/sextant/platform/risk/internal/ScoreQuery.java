package io.sextant.platform.risk.internal;

import static io.sextant.jooq.vedic.Tables.FEATURE_VALUE;
import static io.sextant.jooq.vedic.Tables.RECORDED_REQUEST;
import static io.sextant.jooq.vedic.Tables.RISK_SCORE;

import io.sextant.platform.risk.Contribution;
import io.sextant.platform.risk.FeatureStage;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskScore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Stored scores as readers get them: with each feature's contribution in words, values masked when asked. */
@Component
class ScoreQuery {

    private final DSLContext dsl;

    ScoreQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code models} gives the model a score was made with (for its caps), by project and hash. */
    List<RiskScore> scores(Condition where, int limit, boolean masked, BiFunction<UUID, String, RiskModel> models) {
        List<Record> rows = dsl.select(RISK_SCORE.asterisk(), RECORDED_REQUEST.ACTION, RECORDED_REQUEST.OCCURRED_AT).from(RISK_SCORE)
                .join(RECORDED_REQUEST).on(RECORDED_REQUEST.REQUEST_ID.eq(RISK_SCORE.REQUEST_ID)).where(where)
                .orderBy(RISK_SCORE.SCORED_AT.desc(), RISK_SCORE.REQUEST_ID.desc()).limit(limit).fetch().stream().map(r -> (Record) r).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Record>> values = dsl.selectFrom(FEATURE_VALUE).where(FEATURE_VALUE.SCORE_ID.in(rows.stream().map(r -> r.get(RISK_SCORE.SCORE_ID)).toList()))
                .orderBy(FEATURE_VALUE.FEATURE).fetch().stream().map(r -> (Record) r).collect(Collectors.groupingBy(r -> r.get(FEATURE_VALUE.SCORE_ID)));
        List<RiskScore> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            UUID projectId = r.get(RISK_SCORE.PROJECT_ID);
            RiskModel model = models.apply(projectId, r.get(RISK_SCORE.MODEL_HASH));
            Map<String, Long> caps = model.terms().stream().collect(Collectors.toMap(RiskModel.Term::feature, RiskModel.Term::cap));
            List<Contribution> contributions = values.getOrDefault(r.get(RISK_SCORE.SCORE_ID), List.of()).stream().map(v -> {
                String feature = v.get(FEATURE_VALUE.FEATURE);
                Long value = v.get(FEATURE_VALUE.VALUE);
                return new Contribution(feature, v.get(FEATURE_VALUE.DEFINITION_VERSION), FeatureStage.valueOf(v.get(FEATURE_VALUE.STAGE).toUpperCase(java.util.Locale.ROOT)),
                        masked ? null : value, v.get(FEATURE_VALUE.CONTRIBUTION), caps.getOrDefault(feature, 0L),
                        Arrays.asList(v.get(FEATURE_VALUE.READ_IDS)), v.get(FEATURE_VALUE.HISTORY_THROUGH), Features.get(feature).words(value, masked));
            }).toList();
            out.add(new RiskScore(r.get(RISK_SCORE.SCORE_ID), projectId, r.get(RISK_SCORE.REQUEST_ID), r.get(RISK_SCORE.PRINCIPAL),
                    r.get(RECORDED_REQUEST.ACTION), r.get(RISK_SCORE.MODEL_HASH), r.get(RISK_SCORE.SCORE), r.get(RISK_SCORE.BOUND),
                    r.get(RISK_SCORE.THRESHOLD), r.get(RISK_SCORE.FLAGGED), r.get(RISK_SCORE.PREFILTERED), r.get(RECORDED_REQUEST.OCCURRED_AT).toInstant(),
                    r.get(RISK_SCORE.SCORED_AT).toInstant(), r.get(RISK_SCORE.DIGEST), contributions, masked));
        }
        return out;
    }

    long[] distribution(UUID projectId, Instant from) {
        long[] buckets = new long[10];
        // inlined constants, so that the grouped expression and the selected one are the same SQL
        var bucket = DSL.least(RISK_SCORE.SCORE.div(DSL.inline(10_000L)), DSL.inline(9L));
        dsl.select(bucket, DSL.count()).from(RISK_SCORE).where(RISK_SCORE.PROJECT_ID.eq(projectId))
                .and(RISK_SCORE.SCORED_AT.ge(from.atOffset(ZoneOffset.UTC))).groupBy(bucket)
                .forEach(r -> buckets[(int) Math.max(0, r.value1())] = r.value2());
        return buckets;
    }
}
