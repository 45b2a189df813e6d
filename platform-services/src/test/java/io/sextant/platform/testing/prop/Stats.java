package io.sextant.platform.testing.prop;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counts how often each labelled case occurred during a property run (not while shrinking). */
public final class Stats {

    private final Map<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    public void collect(String label, Object value) {
        if (enabled) {
            counts.computeIfAbsent(label, k -> new ConcurrentHashMap<>()).merge(String.valueOf(value), 1, Integer::sum);
        }
    }

    void enabled(boolean on) {
        enabled = on;
    }

    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    public int count(String label, Object value) {
        return counts.getOrDefault(label, Map.of()).getOrDefault(String.valueOf(value), 0);
    }

    public String report() {
        StringBuilder b = new StringBuilder();
        counts().forEach((label, values) -> {
            int total = values.values().stream().mapToInt(Integer::intValue).sum();
            b.append(label).append(":\n");
            values.forEach((v, n) -> b.append(String.format("  %-10s %7d  %5.1f %%%n", v, n, 100.0 * n / total)));
        });
        return b.toString();
    }
}
