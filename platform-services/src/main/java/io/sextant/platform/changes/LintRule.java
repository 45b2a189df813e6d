package io.sextant.platform.changes;

/**
 * A rule the linter knows.
 *
 * @param id               stable id used in findings, fixtures and baselines
 * @param severity         default severity
 * @param destructive      a finding marks the report destructive
 * @param breaking         a finding marks the report breaking
 * @param securityRelevant a finding marks the report security-relevant
 * @param summary          one line on what it catches
 */
public record LintRule(String id, Severity severity, boolean destructive, boolean breaking,
                       boolean securityRelevant, String summary) {
}
