package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The gate's verdict on a checked change.
 *
 * @param level         from lint, measurement (projected lock time, disagreements), rollback and blast radius
 * @param needsApproval destructive, breaking, security-relevant, irreversible or HIGH and above
 * @param requiredRole  SECURITY_ADMIN for security-relevant changes, else OPERATOR; null if no approval is needed
 * @param blocked       the checks failed (shadow error, rollback that does not round-trip): it cannot be approved
 * @param reasons       one line per contributing fact, for the reviewer
 */
public record RiskAssessment(RiskLevel level, boolean needsApproval, @Nullable String requiredRole, boolean blocked,
                             List<String> reasons) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }
}
