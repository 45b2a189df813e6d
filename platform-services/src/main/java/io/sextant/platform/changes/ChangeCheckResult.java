package io.sextant.platform.changes;

/**
 * Everything the board found about one version (content hash) of a change.
 *
 * @param shadow   lint and measurement side by side
 * @param rollback the round trip
 * @param risk     the gate's verdict
 * @param rollbackLint the rollback script (given or derived) linted like the forward one; null in
 *                     results recorded before rollbacks were linted, or when there is no rollback
 */
public record ChangeCheckResult(String changeId, String contentHash, ShadowReport shadow, RollbackCheck rollback,
                                RiskAssessment risk, @org.jspecify.annotations.Nullable LintReport rollbackLint) {
}
