package io.sextant.bench.policy;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.policy.PolicySet;
import io.sextant.bench.policy.Workload.Request;
import io.sextant.platform.authz.CompiledPolicy;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.Effect;
import io.sextant.platform.authz.Policy;
import io.sextant.platform.authz.PolicyParser;
import io.sextant.platform.authz.PolicyRule;
import io.sextant.platform.authz.TraceKind;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * In-process decision latency of Sextant's policy engine against cedar-java, on equivalent policy sets
 * of several sizes, in one run. For each size: generate both policy texts (fixed seed), compile Sextant's,
 * parse and cache Cedar's (the pre-parsed, fastest cedar-java path), build one workload of requests in
 * memory for both engines, check that both engines decide every request the same way (and name the same
 * deciding rules), warm up, then time each call on its own with {@link System#nanoTime()} over several
 * rounds, the engines taking turns. Usage:
 * {@code PolicyBench [--requests N] [--rounds R] [--warmup W] [--cedar-budget SECONDS] [--uncached N] [--out DIR] [sizes…]};
 * {@code --trace-digest} only prints a hash of Sextant's traces of the workload (to check an engine change keeps them identical).
 * See docs/benchmarks/policy-latency.md.
 */
public final class PolicyBench {

    static final UUID PROJECT = UUID.fromString("9a000000-0000-4000-8000-000000000001");
    static final Instant DECIDED_AT = Instant.parse("2026-03-02T12:00:00Z");

    enum Kind {
        SEXTANT_DECIDE("sextant decide"),
        SEXTANT_VERDICT("sextant verdict"),
        SEXTANT_TRACE("sextant trace (full)"),
        CEDAR("cedar-java (cached set)"),
        CEDAR_UNCACHED("cedar-java (uncached set)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Stats(long n, double p50, double p90, double p99, double p999, double max, double mean) {
        static Stats of(long[] ns) {
            long[] s = ns.clone();
            Arrays.sort(s);
            double sum = 0;
            for (long v : s) {
                sum += v;
            }
            return new Stats(s.length, pct(s, 50), pct(s, 90), pct(s, 99), pct(s, 99.9), s[s.length - 1] / 1e3, sum / s.length / 1e3);
        }

        /** Nearest-rank percentile, in microseconds. */
        static double pct(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e3;
        }
    }

    record Row(int size, int types, Kind kind, Stats stats, long gcs, long gcMillis) {
    }

    /** Collections and their time while one engine's timed passes ran (System.gc() between passes excluded). */
    static final class GcMeter {
        final long[] count = new long[Kind.values().length];
        final long[] millis = new long[Kind.values().length];
        private long c0;
        private long m0;

        void start() {
            c0 = gcCount();
            m0 = gcMillis();
        }

        void stop(int engine) {
            count[engine] += gcCount() - c0;
            millis[engine] += gcMillis() - m0;
        }

        static long gcCount() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
        }

        static long gcMillis() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        }
    }

    private static long sink;

    public static void main(String[] args) throws Exception {
        int requests = 10_000;
        int rounds = 5;
        int warmup = 3;
        int uncached = 100;
        double cedarBudget = 30;
        boolean digest = false;
        Path out = Path.of("bench/results/policy");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--uncached" -> uncached = Integer.parseInt(args[++i]);
                case "--cedar-budget" -> cedarBudget = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--trace-digest" -> digest = true;
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 100, 1_000);
        }
        Files.createDirectories(out);
        if (digest) {
            traceDigest(sizes, requests);
            return;
        }

        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "policy decision latency: Sextant %s vs cedar-java (Cedar language %s)%n", CompiledPolicy.ENGINE_VERSION,
                AuthorizationEngine.getCedarLangVersion());
        System.out.printf(Locale.ROOT, "JVM %s %s, %d cores, heap %d MiB, GC %s%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20, gcNames());
        System.out.printf(Locale.ROOT, "workload %,d requests per size; after the equivalence pass, %d more warm-up passes for Sextant, 1 for Cedar"
                + " when it fits; %d timed rounds (Cedar: as many as fit in %.0f s, at least 1); cedar uncached: first %,d requests, 1 round%n",
                requests, warmup, rounds, cedarBudget, uncached);
        System.out.println("load average at start: " + loadAverage());
        System.out.printf(Locale.ROOT, "timer: System.nanoTime() back to back p50 %.3f µs (included in every figure)%n%n", timerOverhead());

        List<Row> rows = new ArrayList<>();
        try (PrintStream hist = new PrintStream(Files.newOutputStream(out.resolve("histograms.txt")), true)) {
            for (int size : sizes) {
                rows.addAll(runSize(size, requests, rounds, warmup, uncached, cedarBudget, out, hist));
            }
        }
        printTable(rows);
        System.out.println("load average at end: " + loadAverage());
        System.out.println("(sink " + sink + ")");
    }

    static List<Row> runSize(int size, int requests, int rounds, int warmup, int uncachedCount, double cedarBudget, Path out, PrintStream hist)
            throws Exception {
        PolicySets.Generated set = PolicySets.generate(size);
        Files.writeString(out.resolve("policies-" + size + ".sextant"), set.sextantText());
        Files.writeString(out.resolve("policies-" + size + ".cedar"), set.cedarText());

        Policy policy = PolicyParser.parse(set.sextantText(), set.tables());
        CompiledPolicy sextant = CompiledPolicy.of(policy);
        Set<com.cedarpolicy.model.policy.Policy> cedarPolicies = new LinkedHashSet<>();
        for (PolicySets.Rule r : set.rules()) {
            cedarPolicies.add(new com.cedarpolicy.model.policy.Policy(r.cedar(), r.name()));
        }
        PolicySet cached = new PolicySet(cedarPolicies);
        cached.cache(); // pre-parsed on the Rust side: the fastest cedar-java path
        PolicySet uncached = new PolicySet(cedarPolicies);
        BasicAuthorizationEngine cedar = new BasicAuthorizationEngine();
        List<Request> work = Workload.build(set, requests);
        int n = work.size();

        // The equivalence pass is also everyone's first warm-up pass.
        long t0 = System.nanoTime();
        String summary = checkEquivalence(size, policy, sextant, cedar, cached, work);
        double passSeconds = (System.nanoTime() - t0) / 1e9;
        List<Request> sample = work.subList(0, Math.min(uncachedCount, n));
        checkEquivalence(size, policy, sextant, cedar, uncached, sample);
        System.out.printf(Locale.ROOT, "%5d rules, %2d resource types: %s%n", size, set.types().size(), summary);

        int cedarRounds = (int) Math.max(1, Math.min(rounds, Math.floor(cedarBudget / passSeconds)));
        for (int w = 0; w < warmup; w++) {
            timeDecide(sextant, work, new long[n], 0);
            timeVerdict(sextant, work, new long[n], 0);
            timeTrace(sextant, work, new long[n], 0);
        }
        if (cedarRounds > 1) {
            timeCedar(cedar, cached, work, new long[n], 0);
        }

        long[][] samples = {new long[rounds * n], new long[rounds * n], new long[rounds * n], new long[cedarRounds * n], new long[sample.size()]};
        GcMeter gc = new GcMeter();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 4; k++) {
                int engine = (round + k) % 4; // the engines take turns going first
                if (engine == 3 && round >= cedarRounds) {
                    continue;
                }
                System.gc();
                gc.start();
                switch (engine) {
                    case 0 -> timeDecide(sextant, work, samples[0], round * n);
                    case 1 -> timeVerdict(sextant, work, samples[1], round * n);
                    case 2 -> timeTrace(sextant, work, samples[2], round * n);
                    default -> timeCedar(cedar, cached, work, samples[3], round * n);
                }
                gc.stop(engine);
            }
        }
        System.gc();
        gc.start();
        timeCedar(cedar, uncached, sample, samples[4], 0);
        gc.stop(4);

        List<Row> rows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int k = kind.ordinal();
            rows.add(new Row(size, set.types().size(), kind, Stats.of(samples[k]), gc.count[k], gc.millis[k]));
            histogram(hist, size, kind, samples[k]);
        }
        return rows;
    }

    // ---------------------------------------------------------------- the timed loops (one engine each, so each call site stays monomorphic)

    static void timeDecide(CompiledPolicy p, List<Request> work, long[] into, int at) {
        long acc = 0;
        for (int i = 0; i < work.size(); i++) {
            Request q = work.get(i);
            long t0 = System.nanoTime();
            Effect e = p.decide(q.sextant());
            long t1 = System.nanoTime();
            into[at + i] = t1 - t0;
            acc += e.ordinal();
        }
        sink += acc;
    }

    /** Effect and deciding rules: what Cedar's response carries (decision and reason). */
    static void timeVerdict(CompiledPolicy p, List<Request> work, long[] into, int at) {
        long acc = 0;
        for (int i = 0; i < work.size(); i++) {
            Request q = work.get(i);
            long t0 = System.nanoTime();
            CompiledPolicy.Verdict v = p.verdict(q.sextant());
            long t1 = System.nanoTime();
            into[at + i] = t1 - t0;
            acc += v.effect().ordinal() + v.decidingRules().size();
        }
        sink += acc;
    }

    static void timeTrace(CompiledPolicy p, List<Request> work, long[] into, int at) {
        long acc = 0;
        for (int i = 0; i < work.size(); i++) {
            Request q = work.get(i);
            long t0 = System.nanoTime();
            DecisionTrace t = p.trace(q.sextant(), q.decisionId(), TraceKind.LIVE, PROJECT, DECIDED_AT);
            long t1 = System.nanoTime();
            into[at + i] = t1 - t0;
            acc += t.effect().ordinal() + t.rules().size();
        }
        sink += acc;
    }

    static void timeCedar(BasicAuthorizationEngine cedar, PolicySet set, List<Request> work, long[] into, int at) throws Exception {
        long acc = 0;
        for (int i = 0; i < work.size(); i++) {
            Request q = work.get(i);
            long t0 = System.nanoTime();
            AuthorizationResponse r = cedar.isAuthorized(q.cedar(), set, q.cedarEntities());
            boolean allowed = r.success.orElseThrow().isAllowed();
            long t1 = System.nanoTime();
            into[at + i] = t1 - t0;
            acc += allowed ? 1 : 0;
        }
        sink += acc;
    }

    // ---------------------------------------------------------------- equivalence

    /**
     * Both engines must give the same effect on every request and name the same deciding rules (Sextant's
     * matching forbids, else matching permits; Cedar's reason); Sextant's three entry points must agree
     * with each other; Cedar must report no evaluation error. Any difference stops the benchmark.
     */
    static String checkEquivalence(int size, Policy policy, CompiledPolicy sextant, BasicAuthorizationEngine cedar, PolicySet set,
            List<Request> work) throws Exception {
        int allow = 0;
        int forbidden = 0;
        int covering = 0;
        List<String> problems = new ArrayList<>();
        for (Request q : work) {
            Effect decided = sextant.decide(q.sextant());
            CompiledPolicy.Verdict verdict = sextant.verdict(q.sextant());
            DecisionTrace trace = sextant.trace(q.sextant(), q.decisionId(), TraceKind.LIVE, PROJECT, DECIDED_AT);
            AuthorizationResponse response = cedar.isAuthorized(q.cedar(), set, q.cedarEntities());
            if (response.success.isEmpty()) {
                problems.add(q.sextant().requestId() + ": cedar failed: " + response);
                continue;
            }
            AuthorizationSuccessResponse ok = response.success.get();
            Effect cedarEffect = ok.isAllowed() ? Effect.ALLOW : Effect.DENY;
            Set<String> sx = new HashSet<>(verdict.decidingRules());
            if (!ok.getErrors().isEmpty()) {
                problems.add(q.sextant().requestId() + ": cedar evaluation errors " + ok.getErrors());
            }
            if (decided != cedarEffect || !sx.equals(ok.getReason())) {
                problems.add(q.sextant().requestId() + ": sextant " + decided + " " + sx + ", cedar " + cedarEffect + " " + ok.getReason()
                        + "\n    request " + q.sextant() + "\n    cedar " + q.cedar() + " " + q.cedarEntities());
            }
            if (verdict.effect() != decided || trace.effect() != decided || !new HashSet<>(trace.decidingRules()).equals(sx)) {
                problems.add(q.sextant().requestId() + ": sextant decide/verdict/trace disagree: " + decided + " " + verdict + " " + trace.effect()
                        + " " + trace.decidingRules());
            }
            if (decided == Effect.ALLOW) {
                allow++;
            } else if (!sx.isEmpty()) {
                forbidden++;
            }
            for (PolicyRule r : policy.rules()) {
                if (r.covers(q.sextant().action(), q.sextant().resourceType())) {
                    covering++;
                }
            }
        }
        if (!problems.isEmpty()) {
            System.out.println("NOT EQUIVALENT at " + size + " rules (" + (set.cacheKey().isPresent() ? "cached" : "uncached") + " Cedar set): "
                    + problems.size() + " of " + work.size() + " requests differ; first ones:");
            problems.stream().limit(5).forEach(p -> System.out.println("  " + p));
            System.exit(1);
        }
        int n = work.size();
        return String.format(Locale.ROOT, "equivalent on all %,d requests (same effect and deciding rules); allow %.1f%%, forbid %.1f%%,"
                + " default deny %.1f%%; rules covering a request %.1f on average", n, 100.0 * allow / n, 100.0 * forbidden / n,
                100.0 * (n - allow - forbidden) / n, (double) covering / n);
    }

    /**
     * Prints a SHA-256 of every trace of the workload (their record form: all rule outcomes, conditions and
     * the values they saw), per size, so an engine change can be checked to give byte-for-byte the same traces.
     */
    static void traceDigest(List<Integer> sizes, int requests) throws Exception {
        for (int size : sizes) {
            PolicySets.Generated set = PolicySets.generate(size);
            CompiledPolicy sextant = CompiledPolicy.of(PolicyParser.parse(set.sextantText(), set.tables()));
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            long chars = 0;
            for (Request q : Workload.build(set, requests)) {
                String t = sextant.trace(q.sextant(), q.decisionId(), TraceKind.LIVE, PROJECT, DECIDED_AT).toString();
                sha.update(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                chars += t.length() + 1;
            }
            System.out.printf(Locale.ROOT, "traces %5d rules, %,d requests: %,d chars, sha256 %s%n", size, requests, chars,
                    java.util.HexFormat.of().formatHex(sha.digest()));
        }
    }

    // ---------------------------------------------------------------- reporting

    static void printTable(List<Row> rows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-6s %-26s %7s %9s %9s %9s %9s %8s %10s   %s%n", "rules", "engine", "calls", "p50 µs", "p99 µs", "mean µs",
                "p99.9 µs", "max µs", "GCs (ms)", "cedar(cached) ÷ this: p50, p99");
        boolean decideWins = true;
        boolean traceWins = true;
        for (Row r : rows) {
            Stats c = rows.stream().filter(x -> x.size() == r.size() && x.kind() == Kind.CEDAR).findFirst().orElseThrow().stats();
            Stats s = r.stats();
            String ratio = r.kind() == Kind.CEDAR ? "1" : r.kind() == Kind.CEDAR_UNCACHED
                    ? String.format(Locale.ROOT, "%.2f×, %.2f×", c.p50() / s.p50(), c.p99() / s.p99())
                    : String.format(Locale.ROOT, "%.0f×, %.0f×", c.p50() / s.p50(), c.p99() / s.p99());
            System.out.printf(Locale.ROOT, "%-6d %-26s %7d %9.2f %9.2f %9.2f %9.2f %8.0f %10s   %s%n", r.size(), r.kind().label, s.n(), s.p50(),
                    s.p99(), s.mean(), s.p999(), s.max(), r.gcs() + " (" + r.gcMillis() + ")", ratio);
            if (r.kind() == Kind.SEXTANT_DECIDE || r.kind() == Kind.SEXTANT_VERDICT) {
                decideWins &= s.p50() < c.p50() && s.p99() < c.p99();
            }
            if (r.kind() == Kind.SEXTANT_TRACE) {
                traceWins &= s.p50() < c.p50() && s.p99() < c.p99();
            }
        }
        System.out.println();
        System.out.println("goal (Sextant faster than cedar-java at every size, p50 and p99): decide and verdict " + (decideWins ? "MET" : "NOT MET")
                + "; with full trace " + (traceWins ? "MET" : "NOT MET"));
    }

    static void histogram(PrintStream out, int size, Kind kind, long[] ns) {
        // log2 buckets, four sub-buckets each: [2^k, 2^k·1.25), [·1.25, ·1.5), [·1.5, ·1.75), [·1.75, 2^(k+1))
        long[] counts = new long[64 * 4];
        for (long v : ns) {
            long x = Math.max(1, v);
            int k = 63 - Long.numberOfLeadingZeros(x);
            int sub = k < 2 ? 0 : (int) ((x >> (k - 2)) & 3);
            counts[k * 4 + sub]++;
        }
        out.printf(Locale.ROOT, "%d rules, %s: %,d calls%n", size, kind.label, ns.length);
        long cumulative = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            cumulative += counts[b];
            long lo = (1L << (b / 4)) + ((b / 4 < 2 ? 0 : (1L << (b / 4 - 2))) * (b % 4));
            out.printf(Locale.ROOT, "  >= %10.3f µs %,9d  %6.2f%%%n", lo / 1e3, counts[b], 100.0 * cumulative / ns.length);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double timerOverhead() {
        long[] s = new long[1_000_000];
        for (int i = 0; i < s.length; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            s[i] = t1 - t0;
        }
        Arrays.sort(s);
        return s[s.length / 2] / 1e3;
    }

    static String gcNames() {
        return String.join("+", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    }
}
