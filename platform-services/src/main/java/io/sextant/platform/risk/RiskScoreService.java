package io.sextant.platform.risk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scoring requests under a project's published model, durably: the request joins the principal's
 * recorded history and the score is stored with every feature's value and lineage before it is
 * returned. Scoring needs OPERATOR or SECURITY_ADMIN; reading scores any console role, but support
 * staff only for tenants without regulated data, and compliance staff with values masked (D010).
 */
public interface RiskScoreService {

    /**
     * Scores with the fast prefilter on. (Not a default method: a default method calling the other
     * would run inside the proxy's target and skip its authorization.)
     */
    RiskScore score(UUID projectId, RiskRequest request);

    /**
     * @throws io.sextant.platform.tenancy.TenancyNotFoundException for an unknown project
     * @throws IllegalStateException when the project has no published model
     */
    RiskScore score(UUID projectId, RiskRequest request, Prefilter prefilter);

    /** The project's latest scores, newest first. */
    List<RiskScore> recent(UUID projectId, int limit);

    Optional<RiskScore> find(UUID scoreId);

    /** How many scores fell in each tenth of the range 0..100 points in the window (scores of 100 and above in the last). */
    long[] distribution(UUID projectId, Duration window);
}
