package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.DifferentialHarness.Outcome;
import io.sextant.platform.testing.prop.PropertyCheck;
import io.sextant.platform.testing.prop.Stats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shows that the differential test can fail: against a compiler with a bug planted on purpose —
 * {@code (c) IS NOT TRUE} (what forbid-when and permit-unless rules compile to) replaced by
 * {@code (c) = false}, wrong exactly when the condition is NULL — the same property must fail, with
 * the counterexample shrunk to a small one (at most two rules).
 */
class PlantedBugTest {

    static final String PLANTED = ") is not true";

    @Test
    void theDifferentialTestCatchesAPlantedCompilerBugAndShrinksIt() throws Exception {
        try (DifferentialHarness harness = new DifferentialHarness()) {
            Throwable failure = null;
            try {
                PropertyCheck.check("evaluator = database with a planted bug", DifferentialCases.cases(), new Stats(), Duration.ofMinutes(2), 3000,
                        20261126L, k -> {
                            List<Outcome> expected = DifferentialHarness.expected(k);
                            List<Outcome> actual;
                            try {
                                actual = harness.actual(k, sql -> sql.replace(PLANTED, ") = false"));
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                            assertThat(actual).as("database (planted bug) vs evaluator for%s", k).isEqualTo(expected);
                        });
            } catch (AssertionError e) {
                failure = e;
            }
            assertThat(failure).as("the planted bug must be caught").isNotNull();
            String message = failure.getMessage();
            System.out.println("Planted bug caught:\n" + message);
            String shrunk = message.substring(message.indexOf("Shrunk sample"), message.indexOf("Original sample"));
            String policy = shrunk.substring(shrunk.indexOf("policy:") + 7, shrunk.indexOf("rows:"));
            List<String> rules = policy.lines().filter(l -> l.startsWith("permit") || l.startsWith("forbid")).toList();
            // the planted bug sits in "(c) IS NOT TRUE", which forbid-when and permit-unless rules compile to
            assertThat(rules).hasSizeLessThanOrEqualTo(2).anyMatch(r -> r.startsWith("forbid") || r.contains(" unless "));
            assertThat(message).contains("database (planted bug) vs evaluator");
        }
    }
}
