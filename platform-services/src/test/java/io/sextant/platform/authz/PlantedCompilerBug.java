package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.DifferentialHarness.Case;
import io.sextant.platform.authz.DifferentialHarness.Outcome;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The differential property against a compiler with a bug planted on purpose: forbid rules compile
 * to {@code (c) = false} instead of {@code (c) IS NOT TRUE}, which is wrong exactly when the
 * condition is NULL (a missing claim, a null column). Not run by itself (its name matches no test
 * pattern): {@link PlantedBugTest} runs it and requires that it fails with a shrunk counterexample.
 */
class PlantedCompilerBug {

    static final String PLANTED = ") is not true";

    private static DifferentialHarness harness;

    @BeforeContainer
    static void start() throws Exception {
        harness = new DifferentialHarness();
    }

    @AfterContainer
    static void stop() throws Exception {
        harness.close();
    }

    @Property(tries = 3000, seed = "20261126")
    void evaluatorAndBuggyDatabaseAgree(@ForAll("cases") Case k) throws Exception {
        List<Outcome> expected = DifferentialHarness.expected(k);
        List<Outcome> actual = harness.actual(k, sql -> sql.replace(PLANTED, ") = false"));
        assertThat(actual).as("database (planted bug) vs evaluator for%s", k).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Case> cases() {
        return DifferentialCases.cases();
    }
}
