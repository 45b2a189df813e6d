package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a shadow apply measured. The live target was only read (a read-only session), never changed.
 *
 * @param targetId      the target the shadow copied
 * @param lint          the static lint of the same script, for side-by-side display
 * @param statements    one measurement per statement that ran, in order
 * @param failure       the statement that failed, if one did (later statements did not run)
 * @param disagreements where lint and measurement disagree; each is itself a finding
 * @param notes         what the shadow could not reproduce (sampled data, statistics, NOT VALID
 *                      foreign keys on a sample, …)
 * @param buildMillis   time to build the shadow (schema, data, statistics)
 */
public record ShadowReport(String targetId, LintReport lint, List<StatementMeasurement> statements,
                           @Nullable StatementFailure failure, List<Disagreement> disagreements, List<String> notes,
                           long buildMillis) {

    public ShadowReport {
        statements = List.copyOf(statements);
        disagreements = List.copyOf(disagreements);
        notes = List.copyOf(notes);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /**
     * Lint and measurement disagree about one statement.
     *
     * @param statementIndex zero-based
     * @param lintSays       what static analysis expected
     * @param measured       what PostgreSQL reported
     */
    public record Disagreement(int statementIndex, String lintSays, String measured) {
    }
}
