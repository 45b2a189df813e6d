package io.sextant.platform.changes;

/**
 * Everything the board found about one version (content hash) of a change.
 *
 * @param shadow   lint and measurement side by side
 * @param rollback the round trip
 * @param risk     the gate's verdict
 */
public record ChangeCheckResult(String changeId, String contentHash, ShadowReport shadow, RollbackCheck rollback,
                                RiskAssessment risk) {
}
