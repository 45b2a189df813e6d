package io.sextant.console.api;

import io.sextant.platform.risk.Contribution;
import io.sextant.platform.risk.FeatureInfo;
import io.sextant.platform.risk.Fixed;
import io.sextant.platform.risk.ModelSyntaxException;
import io.sextant.platform.risk.Prefilter;
import io.sextant.platform.risk.RiskModelService;
import io.sextant.platform.risk.RiskModelVersion;
import io.sextant.platform.risk.RiskRequest;
import io.sextant.platform.risk.RiskScore;
import io.sextant.platform.risk.RiskScoreService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1}: risk scores of a project's requests under its published model, with "why risky",
 * and the model versions with their review (propose, approve, reject). Numbers are decimals with at
 * most three places; the risk services decide who may do what (and audit refusals).
 */
@RestController
@RequestMapping("/api/v1")
class RiskApi {

    private final RiskScoreService scores;
    private final RiskModelService models;

    RiskApi(RiskScoreService scores, RiskModelService models) {
        this.scores = scores;
        this.models = models;
    }

    record ScoreBody(@Nullable String principal, @Nullable String action, @Nullable BigDecimal amount, @Nullable String clientAddress,
            @Nullable String device, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable Instant occurredAt,
            @Nullable String externalId, @Nullable Boolean prefilter) {

        RiskRequest request() {
            if ((latitude == null) != (longitude == null)) {
                throw new IllegalArgumentException("A location needs both latitude and longitude");
            }
            return new RiskRequest(principal == null ? "" : principal, action == null ? "" : action,
                    amount == null ? null : Fixed.thousandths(amount, "amount"), clientAddress, device,
                    latitude == null ? null : Fixed.microDegrees(latitude, "latitude", 90),
                    longitude == null ? null : Fixed.microDegrees(longitude, "longitude", 180), occurredAt, externalId);
        }
    }

    record FeatureAnswer(String feature, int definitionVersion, String stage, @Nullable BigDecimal value, @Nullable BigDecimal points,
            BigDecimal cap, List<Long> readIds, @Nullable Long historyThrough, String words, boolean skipped) {
    }

    record ScoreAnswer(UUID scoreId, UUID projectId, long requestId, String principal, String action, String modelHash, BigDecimal score,
            BigDecimal bound, BigDecimal threshold, boolean flagged, boolean prefiltered, Instant occurredAt, Instant scoredAt, String digest,
            String summary, List<String> why, List<FeatureAnswer> features, boolean valuesMasked) {

        static ScoreAnswer of(RiskScore s) {
            return new ScoreAnswer(s.scoreId(), s.projectId(), s.requestId(), s.principal(), s.action(), s.modelHash(), dec(s.score()),
                    dec(s.bound()), dec(s.threshold()), s.flagged(), s.prefiltered(), s.occurredAt(), s.scoredAt(), s.digest(), s.summary(), s.why(),
                    s.contributions().stream().map(ScoreAnswer::feature).toList(), s.valuesMasked());
        }

        static FeatureAnswer feature(Contribution c) {
            return new FeatureAnswer(c.feature(), c.definitionVersion(), c.stage().dbValue(), c.value() == null ? null : dec(c.value()),
                    c.points() == null ? null : dec(c.points()), dec(c.cap()), c.readIds(), c.historyThrough(), c.words(), c.skipped());
        }
    }

    static BigDecimal dec(long thousandths) {
        return new BigDecimal(Fixed.format(thousandths));
    }

    /** Scores a request under the project's published model; the request joins the principal's history. */
    @PostMapping("/projects/{projectId}/risk-scores")
    ScoreAnswer score(@PathVariable UUID projectId, @RequestBody ScoreBody body) {
        RiskRequest r = body.request();
        return ScoreAnswer.of(scores.score(projectId, r, Boolean.FALSE.equals(body.prefilter()) ? Prefilter.OFF : Prefilter.ON));
    }

    @GetMapping("/projects/{projectId}/risk-scores")
    List<ScoreAnswer> recent(@PathVariable UUID projectId, @RequestParam(required = false) Integer limit) {
        return scores.recent(projectId, limit == null ? 50 : limit).stream().map(ScoreAnswer::of).toList();
    }

    @GetMapping("/risk-scores/{scoreId}")
    ScoreAnswer find(@PathVariable UUID scoreId) {
        return scores.find(scoreId).map(ScoreAnswer::of).orElseThrow(() -> new NoSuchElementException("No risk score " + scoreId));
    }

    @GetMapping("/risk-features")
    List<FeatureInfo> features() {
        return models.features();
    }

    @GetMapping("/projects/{projectId}/risk-models")
    List<RiskModelVersion> versions(@PathVariable UUID projectId) {
        return models.versions(projectId);
    }

    record DraftBody(@Nullable String source) {
    }

    @PostMapping("/projects/{projectId}/risk-models")
    @ResponseStatus(HttpStatus.CREATED)
    RiskModelVersion draft(@PathVariable UUID projectId, @RequestBody DraftBody body) {
        return models.saveDraft(projectId, body.source() == null ? "" : body.source());
    }

    @PostMapping("/projects/{projectId}/risk-models/{hash}/propose")
    RiskModelVersion propose(@PathVariable UUID projectId, @PathVariable String hash) {
        return models.propose(projectId, hash);
    }

    record ApproveBody(@Nullable Integer expectedPublication) {
    }

    @PostMapping("/projects/{projectId}/risk-models/{hash}/approve")
    RiskModelVersion approve(@PathVariable UUID projectId, @PathVariable String hash, @RequestBody ApproveBody body) {
        if (body.expectedPublication() == null) {
            throw new IllegalArgumentException("Send expectedPublication: the publication you reviewed against (GET …/risk-models shows the states)");
        }
        return models.approve(projectId, hash, body.expectedPublication());
    }

    record RejectBody(@Nullable String reason) {
    }

    @PostMapping("/projects/{projectId}/risk-models/{hash}/reject")
    RiskModelVersion reject(@PathVariable UUID projectId, @PathVariable String hash, @RequestBody RejectBody body) {
        return models.reject(projectId, hash, body.reason() == null ? "" : body.reason());
    }

    /** Where the model text is wrong, so an editor can put the cursor there. */
    @ExceptionHandler(ModelSyntaxException.class)
    ProblemDetail syntax(ModelSyntaxException e) {
        return ApiErrors.positioned(e.getMessage(), e.problem(), e.line(), e.column(), e.offset(), e.length());
    }

    /** No published model, or a version in a state that forbids the step. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail state(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
