package io.sextant.platform.changes.bench;

import io.sextant.platform.changes.LintFinding;
import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.MigrationLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput and findings of {@link MigrationLinter} over a corpus, for bench/lint/run.sh.
 * Usage: {@code LintBench <corpus dir> <findings out file> [seconds]}. A JMH-free loop: a warm-up
 * second, then as many full passes over the corpus as fit in the measuring time. Prints
 * {@code statements=N cold_ms=… warm_stmts_per_sec=…}; writes one {@code file<TAB>rule<TAB>severity} line per finding.
 */
public final class LintBench {

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
            names.add(f.getFileName().toString());
            sources.add(Files.readString(f));
        }
        MigrationLinter linter = new MigrationLinter();
        long coldStart = System.nanoTime();
        List<LintReport> reports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) reports.add(linter.lint(names.get(i), sources.get(i)));
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        int statements = reports.stream().mapToInt(LintReport::statementCount).sum();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            for (LintReport r : reports) {
                for (LintFinding f : r.findings()) out.println(r.source() + "\t" + f.ruleId() + "\t" + f.severity());
            }
        }
        long sink = 0;
        if (seconds <= 0) {  // cold, one pass only: what a CLI run costs
            System.out.printf("files=%d statements=%d cold_ms=%.1f%n", files.size(), statements, coldMs);
            return;
        }
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) sink += pass(linter, names, sources);
        long passes = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            sink += pass(linter, names, sources);
            passes++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("files=%d statements=%d cold_ms=%.1f cold_stmts_per_sec=%.0f warm_stmts_per_sec=%.0f sink=%d%n",
                files.size(), statements, coldMs, statements / (coldMs / 1000), statements * passes / elapsed, sink % 10);
    }

    private static long pass(MigrationLinter linter, List<String> names, List<String> sources) {
        long n = 0;
        for (int i = 0; i < names.size(); i++) n += linter.lint(names.get(i), sources.get(i)).findings().size();
        return n;
    }
}
