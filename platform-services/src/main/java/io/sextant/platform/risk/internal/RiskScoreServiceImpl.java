package io.sextant.platform.risk.internal;

import static io.sextant.jooq.vedic.Tables.RISK_SCORE;

import io.sextant.platform.risk.Contribution;
import io.sextant.platform.risk.Prefilter;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskRequest;
import io.sextant.platform.risk.RiskScore;
import io.sextant.platform.risk.RiskScoreService;
import io.sextant.platform.tenancy.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** See {@link RiskScoreService}. Time comes from the injected clock, truncated to what PostgreSQL stores. */
@Service
class RiskScoreServiceImpl implements RiskScoreService {

    private final ScoreRecorder recorder;
    private final ScoreQuery query;
    private final RiskModelServiceImpl models;
    private final JooqModelStore store;
    private final RiskAccess access;
    private final DSLContext dsl;
    private final TransactionTemplate tx;
    private final Clock clock;

    RiskScoreServiceImpl(ScoreRecorder recorder, ScoreQuery query, RiskModelServiceImpl models, JooqModelStore store, RiskAccess access,
            DSLContext dsl, TransactionTemplate tx, Clock clock) {
        this.recorder = recorder;
        this.query = query;
        this.models = models;
        this.store = store;
        this.access = access;
        this.dsl = dsl;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(RiskModelServiceImpl.WRITE)
    public RiskScore score(UUID projectId, RiskRequest request) {
        return score(projectId, request, Prefilter.ON);
    }

    @Override
    @PreAuthorize(RiskModelServiceImpl.WRITE)
    public RiskScore score(UUID projectId, RiskRequest request, Prefilter prefilter) {
        Project p = access.project(projectId);
        String hash = store.head(projectId).map(h -> h.value1()).orElseThrow(() -> new IllegalStateException(
                "Project " + p.slug() + " has no published risk model: publish one before scoring"));
        RiskModel model = models.compiled(projectId, hash);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant at = request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        ScoreRecorder.Recorded r = tx.execute(s -> recorder.record(projectId, model, request, at, now, prefilter));
        // what was stored, as the caller may read it (scoring roles read every value)
        List<Contribution> contributions = r.result().values().stream().map(v -> new Contribution(v.term().feature(), v.feature().info().version(),
                v.term().stage(), v.value(), v.points(), v.term().cap(), v.readIds(), v.through(), v.feature().words(v.value(), false))).toList();
        return new RiskScore(r.scoreId(), projectId, r.requestId(), request.principal(), request.action(), model.hash(), r.result().score(),
                r.result().bound(), model.threshold(), r.result().flagged(), r.result().prefiltered(), at, now, r.digest(), contributions, false);
    }

    @Override
    @PreAuthorize(RiskModelServiceImpl.READ)
    public List<RiskScore> recent(UUID projectId, int limit) {
        Project p = access.project(projectId);
        boolean masked = access.reading(p) == RiskAccess.Reading.MASKED;
        return query.scores(RISK_SCORE.PROJECT_ID.eq(projectId), Math.max(1, Math.min(limit, 500)), masked, models::compiled);
    }

    @Override
    @PreAuthorize(RiskModelServiceImpl.READ)
    public Optional<RiskScore> find(UUID scoreId) {
        UUID projectId = dsl.select(RISK_SCORE.PROJECT_ID).from(RISK_SCORE).where(RISK_SCORE.SCORE_ID.eq(scoreId)).fetchOne(RISK_SCORE.PROJECT_ID);
        if (projectId == null) {
            return Optional.empty();
        }
        boolean masked = access.reading(access.project(projectId)) == RiskAccess.Reading.MASKED;
        return query.scores(RISK_SCORE.SCORE_ID.eq(scoreId), 1, masked, models::compiled).stream().findFirst();
    }

    @Override
    @PreAuthorize(RiskModelServiceImpl.READ)
    public long[] distribution(UUID projectId, Duration window) {
        access.reading(access.project(projectId));
        return query.distribution(projectId, clock.instant().minus(window));
    }

}
