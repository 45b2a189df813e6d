package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.DifferentialHarness.Case;
import io.sextant.platform.authz.DifferentialHarness.Outcome;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The differential property: for generated policies, rows, principals, contexts and commands, the
 * in-process evaluator and PostgreSQL running the compiled row-level security enforce exactly the
 * same thing (same rows seen or changed, same refusals). jqwik shrinks any counterexample.
 *
 * <p>Time budget: {@code sextant.differential.budget} (ISO-8601 duration, default PT60S in CI);
 * tries beyond it are skipped (up to {@code jqwik.tries.default}, 20,000 in
 * src/test/resources/junit-platform.properties). A longer run on demand:
 * {@code ./mvnw -pl platform-services -am verify -Dtest=RlsDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.differential.budget=PT20M -Djqwik.tries.default=1000000}.
 * The frequency of each hard case is reported in the statistics after the run.
 */
class RlsDifferentialTest {

    private static DifferentialHarness harness;
    private static long deadline;
    private static volatile boolean failing;

    @BeforeContainer
    static void start() throws Exception {
        harness = new DifferentialHarness();
        Duration budget = Duration.parse(System.getProperty("sextant.differential.budget", "PT60S"));
        deadline = System.nanoTime() + budget.toNanos();
    }

    @AfterContainer
    static void stop() throws Exception {
        harness.close();
    }

    @Property(maxDiscardRatio = 1_000_000)
    void evaluatorAndDatabaseAgree(@ForAll("cases") Case k) throws Exception {
        Assume.that(failing || System.nanoTime() < deadline);
        DifferentialCases.classify(k);
        List<Outcome> expected = DifferentialHarness.expected(k);
        List<Outcome> actual = harness.actual(k, sql -> sql);
        if (!expected.equals(actual)) {
            failing = true;
        }
        assertThat(actual).as("database vs evaluator for%s", k).isEqualTo(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Case> cases() {
        return DifferentialCases.cases();
    }
}
