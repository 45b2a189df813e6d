package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.ShadowReport.Disagreement;
import io.sextant.platform.changes.StatementMeasurement;
import io.sextant.platform.changes.StatementMeasurement.ObservedLock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares what static lint expected (lock mode per D006's table, rewrites from its rules) with
 * what the shadow measured. Lint is a model of PostgreSQL; the shadow is PostgreSQL. Where they
 * differ, one of them is wrong about this change, and the reviewer should know.
 */
public final class LintExpectations {

    /** Rules whose finding means "this rewrites the table" (a widening type change does not, which is the point). */
    private static final Set<String> REWRITE_RULES = Set.of("changing-column-type", "adding-field-with-default");

    private LintExpectations() {
    }

    public static List<Disagreement> compare(String script, LintReport lint, List<StatementMeasurement> measured) {
        List<Statement> statements = ScriptSplitter.split(script);
        List<Disagreement> out = new ArrayList<>();
        for (StatementMeasurement m : measured) {
            Locks.Lock expected = Locks.of(statements.get(m.index()));
            ObservedLock seen = measuredOn(m, expected == null ? null : expected.table());
            if (expected != null && !expected.table().isEmpty()) {
                String mode = expected.description().contains(" on ")
                        ? expected.description().substring(0, expected.description().indexOf(" on ")) : expected.description();
                if (seen == null || !seen.mode().equals(mode)) {
                    out.add(new Disagreement(m.index(), "lock " + expected.description(),
                            seen == null ? "no lock on " + expected.table() + " seen" : "lock " + seen.mode() + " on " + seen.relation()));
                }
            } else if (seen != null && seen.blocksWrites()) {
                out.add(new Disagreement(m.index(), "no lock on an existing table", "lock " + seen.mode() + " on " + seen.relation()));
            }
            boolean lintRewrite = lint.findings().stream()
                    .anyMatch(f -> f.statementIndex() == m.index() && REWRITE_RULES.contains(f.ruleId()));
            boolean measuredRewrite = !m.rewritten().isEmpty();
            if (lintRewrite && !measuredRewrite) {
                out.add(new Disagreement(m.index(), "table rewrite", "no relation rewritten (relfilenode unchanged)"));
            } else if (!lintRewrite && measuredRewrite) {
                out.add(new Disagreement(m.index(), "no table rewrite", "rewritten: " + String.join(", ", m.rewritten())));
            }
        }
        return out;
    }

    /** The strongest measured lock on lint's table if lint named one, else the strongest overall. */
    static @Nullable ObservedLock measuredOn(StatementMeasurement m, @Nullable String table) {
        List<ObservedLock> granted = m.locks().stream().filter(ObservedLock::granted).toList();
        if (table != null && !table.isEmpty()) {
            String t = table.replace("\"", "");
            List<ObservedLock> on = granted.stream()
                    .filter(l -> l.relation().equals(t) || l.relation().endsWith("." + t)).toList();
            if (!on.isEmpty()) {
                return on.stream().max(Comparator.comparingInt(ObservedLock::strength)).orElseThrow();
            }
            return null;
        }
        return granted.stream().max(Comparator.comparingInt(ObservedLock::strength)).orElse(null);
    }
}
