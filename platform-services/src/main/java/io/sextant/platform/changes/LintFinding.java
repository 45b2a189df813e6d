package io.sextant.platform.changes;

/**
 * One problem found in one statement.
 *
 * @param ruleId         the rule's stable id, e.g. {@code require-concurrent-index-creation}
 * @param severity       how bad it is in this context (a locking rule on a table created by the same
 *                       migration is only INFO: the table is empty and nobody else can see it yet)
 * @param statementIndex zero-based index of the statement in the script
 * @param line           one-based line of the offending token (the statement's start if none is better)
 * @param column         one-based column of that token
 * @param excerpt        the statement, white space collapsed, shortened to at most 160 characters
 * @param lockTaken      the lock PostgreSQL takes, e.g. {@code ACCESS EXCLUSIVE on orders}, or
 *                       {@code none} when the statement takes no lock on a user relation
 * @param why            why it matters
 * @param safeRewrite    concrete SQL or steps that achieve the same safely
 */
public record LintFinding(String ruleId, Severity severity, int statementIndex, int line, int column,
                          String excerpt, String lockTaken, String why, String safeRewrite) {
}
