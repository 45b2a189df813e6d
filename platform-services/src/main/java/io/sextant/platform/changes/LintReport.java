package io.sextant.platform.changes;

import java.util.List;

/**
 * The outcome of linting one migration script; a pure function of the script, the options and
 * {@link MigrationLinter#ENGINE_VERSION}.
 *
 * @param source           the name the script was linted under (a file name, or "" when none was given)
 * @param statementCount   how many statements the script has
 * @param findings         in statement order, then rule order
 * @param risk             the migration's overall risk
 * @param destructive      it drops or truncates data (tables, columns, databases)
 * @param breaking         it can break running clients (renames, drops, type changes, new required columns)
 * @param securityRelevant it changes row-level security, policies, grants, roles or privileged functions
 */
public record LintReport(String source, int statementCount, List<LintFinding> findings, RiskLevel risk,
                         boolean destructive, boolean breaking, boolean securityRelevant) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Findings of the given severity. */
    public List<LintFinding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
