package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has SQL that must trigger it ({@code lint-fixtures/<rule>/triggers}) and SQL that must not
 * ({@code …/passes}). A fixture whose first line is {@code -- lint: assume-in-transaction} is linted as
 * a migration the tool wraps in a transaction. Lines {@code -- lint: live app.a, app.b} give the target's
 * relations (their schemas, in order, are its search_path) and {@code -- lint: queued <sql>} a change
 * queued before this one: the rules that need the target's tables (unknown-table) then run too.
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
        boolean inTransaction = sql.startsWith("-- lint: assume-in-transaction");
        KnownRelations known = known(sql);
        LintReport report = known == null ? linter.lint(name, sql, inTransaction) : linter.lint(name, sql, inTransaction, known);
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

    /** The target a fixture declares, or null when it declares none. */
    static KnownRelations known(String sql) {
        List<String> live = sql.lines().filter(l -> l.startsWith("-- lint: live ")).flatMap(l -> Arrays.stream(
                l.substring("-- lint: live ".length()).split(","))).map(String::strip).toList();
        if (live.isEmpty()) return null;
        Set<String> path = new LinkedHashSet<>();
        live.forEach(r -> path.add(r.substring(0, r.indexOf('.'))));
        Set<String> schemas = new HashSet<>(path);
        schemas.addAll(List.of("public", "pg_catalog", "information_schema"));
        KnownRelations known = new KnownRelations(List.copyOf(path), path, schemas, Set.copyOf(live));
        for (String queued : sql.lines().filter(l -> l.startsWith("-- lint: queued ")).toList()) {
            known = known.after(queued.substring("-- lint: queued ".length()));
        }
        return known;
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
