package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.KnownRelations;
import io.sextant.platform.changes.LintFinding;
import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.LintRule;
import io.sextant.platform.changes.RiskLevel;
import io.sextant.platform.changes.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs every rule family over every statement, in order, and derives the report's risk and flags. */
public final class LintEngine {

    private static final Map<String, LintRule> RULES = new HashMap<>();

    static {
        for (Rules r : Rules.values()) RULES.put(r.id(), r.rule());
    }

    private LintEngine() {
    }

    /** The rule of that id. */
    static LintRule rule(String id) {
        return RULES.get(id);
    }

    public static LintReport lint(String source, String sql, boolean assumeInTransaction) {
        return lint(source, sql, assumeInTransaction, null);
    }

    public static LintReport lint(String source, String sql, boolean assumeInTransaction, @Nullable KnownRelations known) {
        List<Statement> statements = ScriptSplitter.split(sql);
        LintContext ctx = new LintContext(assumeInTransaction, known == null ? null : new RelationScope(known));
        for (Statement s : statements) {
            UnknownTableRules.check(s, ctx);
            TransactionRules.before(s, ctx);
            TransactionRules.timeouts(s, ctx);
            TransactionRules.robust(s, ctx);
            IndexRules.check(s, ctx);
            DropRules.check(s, ctx);
            AlterTable at = AlterTable.parse(s);
            if (at != null) {
                for (AlterTable.Action a : at.actions()) {
                    ConstraintRules.check(at, a, ctx);
                    ColumnRules.check(at, a, ctx);
                }
            }
            SecurityRules.check(s, ctx);
            ServerRules.check(s, ctx);
            // last, so a table is "new" only for the statements after the one that creates it
            TableRules.check(s, ctx);
        }
        if (!statements.isEmpty()) TransactionRules.atEnd(statements.getLast(), ctx);
        return report(source, statements.size(), ctx.findings());
    }

    private static LintReport report(String source, int count, List<LintFinding> findings) {
        boolean destructive = false, breaking = false, security = false, critical = false;
        RiskLevel risk = RiskLevel.LOW;
        for (LintFinding f : findings) {
            LintRule rule = RULES.get(f.ruleId());
            security |= rule.securityRelevant();
            if (f.severity() == Severity.INFO) continue;
            destructive |= rule.destructive();
            breaking |= rule.breaking();
            critical |= f.severity() == Severity.ERROR && (rule.destructive() || rule.securityRelevant());
            RiskLevel level = f.severity() == Severity.ERROR ? RiskLevel.HIGH : RiskLevel.MEDIUM;
            if (level.compareTo(risk) > 0) risk = level;
        }
        if (critical) risk = RiskLevel.CRITICAL;
        return new LintReport(source, count, findings, risk, destructive, breaking, security);
    }
}
