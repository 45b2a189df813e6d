package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.RiskAssessment;
import io.sextant.platform.changes.RiskLevel;
import io.sextant.platform.changes.RollbackCheck;
import io.sextant.platform.changes.ShadowReport;
import io.sextant.platform.changes.StatementMeasurement;
import io.sextant.platform.identity.ConsoleRole;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The gate: a pure function of lint, measurement, rollback check and blast radius. Measurement
 * can raise the lint's risk (a projected lock of seconds) but never lowers it: lint sees intent
 * (a rename breaks clients however fast it is), the shadow sees cost.
 */
final class RiskAssessor {

    static final double SLOW_LOCK_MS = 1_000;
    static final double NOTICEABLE_LOCK_MS = 100;

    private RiskAssessor() {
    }

    /**
     * @param rollbackLint the rollback script linted like the forward one. Its security-relevant
     *                     findings (grants, policies, roles, server-wide effects) count as if the
     *                     forward had them: a rollback runs on the live server as surely as the
     *                     forward. Its data-loss findings do not raise the risk, since undoing a
     *                     create is a drop; the round trip and its data-loss list judge those.
     * @param refusals     from the {@link io.sextant.platform.changes.ChangeReviewRule}s: each blocks the change
     */
    static RiskAssessment assess(ChangeTarget target, ShadowReport shadow, RollbackCheck rollback, @Nullable LintReport rollbackLint,
                                 List<String> refusals) {
        LintReport lint = shadow.lint();
        List<String> reasons = new ArrayList<>();
        RiskLevel level = lint.risk();
        reasons.add("lint: " + lint.risk() + " (" + lint.findings().size() + " findings)");
        boolean rollbackSecurity = false;
        if (rollbackLint != null && rollbackLint.securityRelevant()) {
            RiskLevel rl = rollbackLint.hasErrors() ? RiskLevel.CRITICAL : RiskLevel.HIGH;
            rollbackSecurity = true;
            reasons.add("rollback lint: security-relevant (" + rollbackLint.findings().stream()
                    .filter(f -> LintEngine.rule(f.ruleId()).securityRelevant()).map(f -> f.ruleId()).distinct()
                    .collect(java.util.stream.Collectors.joining(", ")) + ") → " + rl);
            level = max(level, rl);
        }
        boolean blocked = !refusals.isEmpty();
        if (blocked) {
            level = max(level, RiskLevel.HIGH);
            refusals.forEach(r -> reasons.add("refused: " + r));
        }
        if (shadow.failure() != null) {
            blocked = true;
            level = max(level, RiskLevel.HIGH);
            reasons.add("shadow apply failed: " + shadow.failure().describe());
        }
        for (StatementMeasurement m : shadow.statements()) {
            if (m.projection() != null) {
                double worst = m.projection().projectedMillis() + Math.max(0, m.projection().errorMillis());
                if (worst >= SLOW_LOCK_MS) {
                    level = max(level, RiskLevel.HIGH);
                    reasons.add("statement " + (m.index() + 1) + " blocks writes to " + m.projection().relation() + " for ~"
                            + Math.round(m.projection().projectedMillis()) + " ms at live size");
                } else if (worst >= NOTICEABLE_LOCK_MS) {
                    level = max(level, RiskLevel.MEDIUM);
                    reasons.add("statement " + (m.index() + 1) + " blocks writes for up to ~" + Math.round(worst) + " ms at live size");
                }
            }
        }
        if (!shadow.disagreements().isEmpty()) {
            level = max(level, RiskLevel.MEDIUM);
            reasons.add(shadow.disagreements().size() + " disagreement(s) between lint and measurement");
        }
        boolean irreversible = rollback.status() == RollbackCheck.Status.IRREVERSIBLE;
        if (rollback.blocks()) {
            blocked = true;
            level = max(level, RiskLevel.HIGH);
            reasons.add("rollback does not round-trip: " + rollback.status());
        } else if (irreversible) {
            level = max(level, RiskLevel.HIGH);
            reasons.add("irreversible: " + String.join("; ", rollback.irreversible()));
        }
        if (target.tenantsAffected() > 1) {
            RiskLevel raised = RiskLevel.values()[Math.min(RiskLevel.CRITICAL.ordinal(),
                    level.ordinal() + (target.tenantsAffected() >= 100 ? 2 : 1))];
            reasons.add("blast radius: " + target.tenantsAffected() + " tenants (" + level + " → " + raised + ")");
            level = raised;
        }
        boolean security = lint.securityRelevant() || rollbackSecurity;
        boolean needsApproval = lint.destructive() || lint.breaking() || security || irreversible
                || level.compareTo(RiskLevel.HIGH) >= 0;
        String role = !needsApproval ? null
                : security ? ConsoleRole.SECURITY_ADMIN.name() : ConsoleRole.OPERATOR.name();
        return new RiskAssessment(level, needsApproval, role, blocked, reasons);
    }

    private static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
