package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform's own Flyway chain goes through the same linter. ERROR findings fail the build unless
 * {@code lint-baseline.txt} accepts them ({@code file:ruleId  reason}); a baseline entry that no
 * longer matches anything fails too, so the list never hides more than it says.
 */
class PlatformMigrationsLintTests {

    private static final Path MIGRATIONS = Path.of("../migrations/src/main/resources/db/migration");
    private static final Path BASELINE = Path.of("src/test/resources/lint-baseline.txt");

    @Test
    void platformMigrationsHaveNoUnacceptedErrors() throws IOException {
        Map<String, String> accepted = baseline();
        List<String> unaccepted = new ArrayList<>();
        List<String> used = new ArrayList<>();
        MigrationLinter linter = new MigrationLinter();
        List<Path> files;
        try (Stream<Path> s = Files.list(MIGRATIONS)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString();
            // Flyway runs each migration in a transaction
            LintReport report = linter.lint(name, Files.readString(file), true);
            System.out.printf("%s: %d statements, risk %s%s%s%s%n", name, report.statementCount(), report.risk(),
                    report.destructive() ? ", destructive" : "", report.breaking() ? ", breaking" : "",
                    report.securityRelevant() ? ", security-relevant" : "");
            for (LintFinding f : report.findings()) {
                String key = name + ":" + f.ruleId();
                boolean ok = f.severity() != Severity.ERROR || accepted.containsKey(key);
                System.out.printf("  %-7s %s:%d:%d %s [%s] %s%n", f.severity(), name, f.line(), f.column(), f.ruleId(),
                        f.lockTaken(), ok && f.severity() == Severity.ERROR ? "(accepted: " + accepted.get(key) + ")" : "");
                if (!ok) unaccepted.add(key + " at line " + f.line() + ": " + f.excerpt());
                if (f.severity() == Severity.ERROR && accepted.containsKey(key)) used.add(key);
            }
        }
        assertThat(unaccepted).as("ERROR findings not accepted in " + BASELINE).isEmpty();
        assertThat(accepted.keySet()).as("baseline entries that match no finding (remove them)").allMatch(used::contains);
    }

    private static Map<String, String> baseline() throws IOException {
        Map<String, String> accepted = new TreeMap<>();
        for (String line : Files.readAllLines(BASELINE)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+", 2);
            assertThat(parts).as("baseline line needs a reason: " + l).hasSize(2);
            accepted.put(parts[0], parts[1]);
        }
        return accepted;
    }
}
