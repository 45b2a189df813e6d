package io.sextant.platform.risk.internal;

import static io.sextant.jooq.vedic.Tables.FEATURE_VALUE;
import static io.sextant.jooq.vedic.Tables.RECORDED_REQUEST;
import static io.sextant.jooq.vedic.Tables.RISK_SCORE;

import io.sextant.platform.risk.Prefilter;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a request and records it, in the caller's transaction: the request joins the principal's
 * history, the score and each feature's value and lineage are stored. A per-principal advisory lock
 * (held to commit) orders a principal's requests, so the history a score read — everything up to
 * {@code history_through} — was complete and committed when it was read.
 */
@Component
class ScoreRecorder {

    private final DSLContext dsl;

    ScoreRecorder(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Recorded(UUID scoreId, long requestId, Scorer.Result result, String digest) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Recorded record(UUID projectId, RiskModel model, RiskRequest request, Instant at, Instant now, Prefilter prefilter) {
        dsl.execute("select pg_advisory_xact_lock(hashtextextended({0}, 7))", DSL.val(projectId + "/" + request.principal()));
        // the history (and its watermark) is read only when the expensive stage runs: a prefiltered score reads nothing
        Scorer.Result result = Scorer.score(model, request, at,
                () -> new History(dsl, projectId, request.principal(), lastRequest(projectId, request.principal(), null)), prefilter);
        long requestId = dsl.insertInto(RECORDED_REQUEST).set(RECORDED_REQUEST.PROJECT_ID, projectId)
                .set(RECORDED_REQUEST.PRINCIPAL, request.principal()).set(RECORDED_REQUEST.ACTION, request.action())
                .set(RECORDED_REQUEST.AMOUNT, request.amount()).set(RECORDED_REQUEST.CLIENT_ADDRESS, request.clientAddress())
                .set(RECORDED_REQUEST.DEVICE, request.device()).set(RECORDED_REQUEST.LATITUDE, request.latitude())
                .set(RECORDED_REQUEST.LONGITUDE, request.longitude()).set(RECORDED_REQUEST.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
                .set(RECORDED_REQUEST.RECORDED_AT, now.atOffset(ZoneOffset.UTC)).set(RECORDED_REQUEST.EXTERNAL_ID, request.externalId())
                .returning(RECORDED_REQUEST.REQUEST_ID).fetchOne(RECORDED_REQUEST.REQUEST_ID);
        UUID scoreId = UUID.randomUUID();
        String digest = digest(projectId, requestId, request.principal(), model, at, result);
        dsl.insertInto(RISK_SCORE).set(RISK_SCORE.SCORE_ID, scoreId).set(RISK_SCORE.PROJECT_ID, projectId).set(RISK_SCORE.REQUEST_ID, requestId)
                .set(RISK_SCORE.PRINCIPAL, request.principal()).set(RISK_SCORE.MODEL_HASH, model.hash()).set(RISK_SCORE.SCORE, result.score())
                .set(RISK_SCORE.BOUND, result.bound()).set(RISK_SCORE.THRESHOLD, model.threshold()).set(RISK_SCORE.FLAGGED, result.flagged())
                .set(RISK_SCORE.PREFILTERED, result.prefiltered()).set(RISK_SCORE.SCORED_AT, now.atOffset(ZoneOffset.UTC))
                .set(RISK_SCORE.DIGEST, digest).execute();
        InsertValuesStep8<?, UUID, String, Integer, String, Long, Long, Long[], Long> values = dsl.insertInto(FEATURE_VALUE, FEATURE_VALUE.SCORE_ID,
                FEATURE_VALUE.FEATURE, FEATURE_VALUE.DEFINITION_VERSION, FEATURE_VALUE.STAGE, FEATURE_VALUE.VALUE, FEATURE_VALUE.CONTRIBUTION,
                FEATURE_VALUE.READ_IDS, FEATURE_VALUE.HISTORY_THROUGH);
        for (Scorer.Value v : result.values()) {
            values = values.values(scoreId, v.term().feature(), v.feature().info().version(), v.term().stage().dbValue(), v.value(), v.points(),
                    v.readIds().toArray(Long[]::new), v.through());
        }
        values.execute();
        return new Recorded(scoreId, requestId, result, digest);
    }

    /** The principal's last recorded request id (below {@code before} when given), or null. */
    @Nullable Long lastRequest(UUID projectId, String principal, @Nullable Long before) {
        var where = RECORDED_REQUEST.PROJECT_ID.eq(projectId).and(RECORDED_REQUEST.PRINCIPAL.eq(principal));
        return dsl.select(DSL.max(RECORDED_REQUEST.REQUEST_ID)).from(RECORDED_REQUEST)
                .where(before == null ? where : where.and(RECORDED_REQUEST.REQUEST_ID.lt(before))).fetchOne(0, Long.class);
    }

    /**
     * The SHA-256 of what the scoring function produced for this request (not the score's id or the
     * time it was stored): replaying the request must give the same digest.
     */
    static String digest(UUID projectId, long requestId, String principal, RiskModel model, Instant at, Scorer.Result r) {
        StringBuilder b = new StringBuilder("risk-score/1\n").append("project=").append(projectId).append('\n').append("request=").append(requestId)
                .append('\n').append("principal=").append(principal).append('\n').append("model=").append(model.hash()).append('\n')
                .append("at=").append(at).append('\n').append("score=").append(r.score()).append('\n').append("bound=").append(r.bound())
                .append('\n').append("threshold=").append(model.threshold()).append('\n').append("flagged=").append(r.flagged()).append('\n')
                .append("prefiltered=").append(r.prefiltered()).append('\n');
        for (Scorer.Value v : r.values()) {
            b.append("feature=").append(v.term().feature()).append('@').append(v.feature().info().version()).append('|')
                    .append(v.term().stage().dbValue()).append('|').append(v.value() == null ? "-" : v.value()).append('|')
                    .append(v.points() == null ? "-" : v.points()).append('|')
                    .append(v.readIds().stream().map(String::valueOf).collect(Collectors.joining(","))).append('|')
                    .append(v.through() == null ? "-" : v.through()).append('\n');
        }
        return ModelParser.sha256(b.toString());
    }
}
