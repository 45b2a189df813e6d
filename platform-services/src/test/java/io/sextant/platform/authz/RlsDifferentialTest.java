package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.DifferentialHarness.Case;
import io.sextant.platform.authz.DifferentialHarness.Outcome;
import io.sextant.platform.testing.prop.PropertyCheck;
import io.sextant.platform.testing.prop.Stats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential property: for generated policies, rows, principals, contexts and commands, the
 * in-process evaluator and PostgreSQL running the compiled row-level security enforce exactly the
 * same thing (same rows seen or changed, same refusals). Any counterexample is shrunk.
 *
 * <p>Time budget: {@code sextant.differential.budget} (ISO-8601 duration, default PT60S in CI).
 * A longer run on demand:
 * {@code ./mvnw -pl platform-services -am verify -Dtest=RlsDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.differential.budget=PT20M};
 * {@code -Dsextant.differential.seed=N} repeats a run. The frequency of each hard case is printed
 * after the run, and the test requires each to have occurred.
 */
class RlsDifferentialTest {

    private static DifferentialHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = new DifferentialHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void evaluatorAndDatabaseAgree() {
        Duration budget = Duration.parse(System.getProperty("sextant.differential.budget", "PT60S"));
        Stats stats = new Stats();
        PropertyCheck.Run run = PropertyCheck.check("evaluator = database", DifferentialCases.cases(), stats, budget, Integer.MAX_VALUE,
                PropertyCheck.seed("sextant.differential.seed"), k -> agree(k, stats));
        assertThat(run.tries()).as("cases checked").isGreaterThan(200);
        for (String hard : List.of("permit and forbid rules together", "session without a tenant", "a claim is missing",
                "a condition was UNKNOWN (null)", "update moves a row to another tenant", "update skipped a row silently",
                "update refused by WITH CHECK")) {
            assertThat(stats.count(hard, true)).as("how often '%s' occurred", hard).isPositive();
        }
    }

    private static void agree(Case k, Stats stats) {
        DifferentialCases.classify(k, stats);
        List<Outcome> expected = DifferentialHarness.expected(k);
        List<Outcome> actual;
        try {
            actual = harness.actual(k, sql -> sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError("the database failed on" + k + "\n" + e.getMessage(), e);
        }
        assertThat(actual).as("database vs evaluator for%s", k).isEqualTo(expected);
    }
}
