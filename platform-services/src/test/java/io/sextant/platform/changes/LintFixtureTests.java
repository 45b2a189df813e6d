package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has SQL that must trigger it ({@code lint-fixtures/<rule>/triggers}) and SQL that must not
 * ({@code …/passes}). A fixture whose first line is {@code -- lint: assume-in-transaction} is linted as
 * a migration the tool wraps in a transaction.
 */
class LintFixtureTests {

    private static final Path ROOT = Path.of("src/test/resources/lint-fixtures");
    private final MigrationLinter linter = new MigrationLinter();

    static Stream<Arguments> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted()
                    .map(p -> Arguments.of(ROOT.relativize(p).toString(), p)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureTriggersOrPassesItsRule(String name, Path file) throws IOException {
        String rule = ROOT.relativize(file).getName(0).toString();
        boolean triggers = ROOT.relativize(file).getName(1).toString().equals("triggers");
        String sql = Files.readString(file);
        LintReport report = linter.lint(name, sql, sql.startsWith("-- lint: assume-in-transaction"));
        var hits = report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        if (triggers) {
            assertThat(hits).as("%s must trigger %s; got %s", name, rule, report.findings()).isNotEmpty();
            assertThat(hits).allSatisfy(f -> {
                assertThat(f.lockTaken()).isNotBlank();
                assertThat(f.why()).isNotBlank();
                assertThat(f.safeRewrite()).isNotBlank();
                assertThat(f.line()).isPositive();
            });
        } else {
            assertThat(hits).as("%s must not trigger %s", name, rule).isEmpty();
        }
    }

    @Test
    void everyRuleHasTriggeringAndPassingFixtures() {
        for (LintRule rule : linter.rules()) {
            for (String kind : new String[] {"triggers", "passes"}) {
                Path dir = ROOT.resolve(rule.id()).resolve(kind);
                assertThat(dir).as(rule.id() + "/" + kind).isDirectory();
                assertThat(dir.toFile().list((d, n) -> n.endsWith(".sql"))).as(rule.id() + "/" + kind).isNotEmpty();
            }
        }
    }
}
