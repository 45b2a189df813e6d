package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Shows that the differential test can fail: with a NULL-handling bug planted in the compiler
 * ({@link PlantedCompilerBug}) the property must fail, and jqwik must have shrunk the
 * counterexample to a small one (one rule, a NULL where the forbid looked).
 */
class PlantedBugTest {

    @Test
    void theDifferentialTestCatchesAPlantedCompilerBugAndShrinksIt() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(PlantedCompilerBug.class))
                .configurationParameter("jqwik.reporting.usejunitplatform", "false").build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFailedCount()).as("the planted bug must be caught").isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        String message = String.valueOf(failure.getMessage());
        System.out.println("Planted bug caught; shrunk counterexample:\n" + message);
        assertThat(message).contains("database (planted bug) vs evaluator");
        // shrunk: a single rule is enough to show it
        String policy = message.substring(message.indexOf("policy:") + 7, message.indexOf("rows:"));
        List<String> rules = policy.lines().filter(l -> l.startsWith("permit") || l.startsWith("forbid")).toList();
        assertThat(rules).hasSizeLessThanOrEqualTo(2).anyMatch(r -> r.startsWith("forbid"));
    }
}
