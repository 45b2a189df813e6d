package io.sextant.platform.risk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's risk models: checking a text, storing versions (named by hash, immutable) and
 * publishing them through review — an operator proposes, a security administrator who is neither
 * its author nor its proposer approves (or rejects). Every change is audited in its transaction;
 * refusals in their own. Reads need any console role; drafts and proposals OPERATOR or
 * SECURITY_ADMIN; approval SECURITY_ADMIN.
 *
 * @see <a href="../../../../../../../docs/decisions/D010-risk-scores.md">D010</a>
 */
public interface RiskModelService {

    /** The feature definitions a model may use. */
    List<FeatureInfo> features();

    /** @throws ModelSyntaxException with the line and column of the first problem */
    RiskModel check(String source);

    /**
     * Stores a draft (idempotent: the same canonical text and feature versions are the same version).
     *
     * @throws ModelSyntaxException nothing stored; {@link io.sextant.platform.tenancy.TenancyNotFoundException} for an unknown project
     */
    RiskModelVersion saveDraft(UUID projectId, String source);

    List<RiskModelVersion> versions(UUID projectId);

    Optional<RiskModelVersion> published(UUID projectId);

    /** The publication counter an approval must name (0 before the first publication). */
    int publicationVersion(UUID projectId);

    /**
     * Proposes a version for publishing; a superseded one may be proposed again (going back to it).
     *
     * @throws IllegalStateException when it is already proposed or published
     */
    RiskModelVersion propose(UUID projectId, String versionHash);

    /**
     * Publishes a proposed version, superseding the published one.
     *
     * @param expectedPublication what {@link #publicationVersion} was when the approver reviewed it
     * @throws io.sextant.platform.tenancy.VersionConflictException when another version was published since (nothing changed)
     * @throws org.springframework.security.access.AccessDeniedException for the author or proposer, or without SECURITY_ADMIN
     */
    RiskModelVersion approve(UUID projectId, String versionHash, int expectedPublication);

    RiskModelVersion reject(UUID projectId, String versionHash, String reason);
}
