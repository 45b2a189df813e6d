package io.sextant.platform.testing.prop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a property on generated values until a time budget or a number of tries is used up. On the
 * first failure it shrinks the failing value by editing its recorded choices — deleting blocks of
 * choices, then lowering each choice toward 0 — keeping every edit that still fails, and throws an
 * {@link AssertionError} naming the shrunk value, the original, the seed and the number of steps.
 */
public final class PropertyCheck {

    /** What a run did. */
    public record Run(int tries, long seed, Duration took, Stats stats) {
    }

    private static final int MAX_SHRINK_ATTEMPTS = 5_000;

    private PropertyCheck() {
    }

    /** The seed from system property {@code name}, or a fresh one (printed with the result, to reproduce a run). */
    public static long seed(String name) {
        String s = System.getProperty(name);
        return s == null || s.isBlank() ? System.nanoTime() : Long.parseLong(s);
    }

    public static <T> Run check(String name, Gen<T> gen, Stats stats, Duration budget, int maxTries, long seed, Consumer<T> property) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        java.util.Random seeds = new java.util.Random(seed);
        int tries = 0;
        while (tries < maxTries && System.nanoTime() < deadline) {
            Source source = Source.random(seeds.nextLong());
            T value = gen.next(source);
            tries++;
            Throwable failure = fails(property, value);
            if (failure != null) {
                stats.enabled(false);
                shrinkAndThrow(name, gen, property, value, source.choices(), failure, seed, tries);
            }
        }
        Run run = new Run(tries, seed, Duration.ofNanos(System.nanoTime() - start), stats);
        System.out.println("Property " + name + ": " + tries + " tries passed in " + run.took().toMillis() + " ms (seed " + seed + ")\n"
                + stats.report());
        return run;
    }

    private static <T> Throwable fails(Consumer<T> property, T value) {
        try {
            property.accept(value);
            return null;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError) {
                throw (VirtualMachineError) t;
            }
            return t;
        }
    }

    /** A failing value, the failure, and the choices that produce it. */
    private record Failing<T>(T value, Throwable failure, List<Integer> choices) {
    }

    private static <T> void shrinkAndThrow(String name, Gen<T> gen, Consumer<T> property, T original, List<Integer> choices, Throwable failure,
            long seed, int tries) {
        Failing<T> best = new Failing<>(original, failure, List.copyOf(choices));
        int steps = 0;
        int attempts = 0;
        boolean improved = true;
        while (improved && attempts < MAX_SHRINK_ATTEMPTS) {
            improved = false;
            for (int k : new int[] {8, 4, 2, 1}) {
                for (int i = best.choices().size() - k; i >= 0 && attempts < MAX_SHRINK_ATTEMPTS; i--) {
                    List<Integer> candidate = new ArrayList<>(best.choices().subList(0, i));
                    candidate.addAll(best.choices().subList(Math.min(best.choices().size(), i + k), best.choices().size()));
                    attempts++;
                    Failing<T> f = simplerFailure(gen, property, candidate, best);
                    if (f != null) {
                        best = f;
                        steps++;
                        improved = true;
                    }
                }
            }
            for (int i = 0; i < best.choices().size() && attempts < MAX_SHRINK_ATTEMPTS; i++) {
                int lo = 0;
                int hi = best.choices().get(i);
                while (lo < hi && attempts < MAX_SHRINK_ATTEMPTS) {
                    int mid = (lo + hi) / 2;
                    List<Integer> candidate = new ArrayList<>(best.choices());
                    candidate.set(i, mid);
                    attempts++;
                    Failing<T> f = simplerFailure(gen, property, candidate, best);
                    if (f != null) {
                        best = f;
                        steps++;
                        improved = true;
                        hi = i < best.choices().size() ? best.choices().get(i) : 0;
                    } else {
                        lo = mid + 1;
                    }
                }
            }
        }
        throw new AssertionError("Property " + name + " failed after " + tries + " tries (seed " + seed + ").\n"
                + "Shrunk sample (" + steps + " steps):\n" + best.value() + "\n" + best.failure().getMessage() + "\n\nOriginal sample:\n" + original
                + "\n" + failure.getMessage(), best.failure());
    }

    /** Replays {@code choices}; the failure they produce if it is simpler than {@code best}, else null. */
    private static <T> Failing<T> simplerFailure(Gen<T> gen, Consumer<T> property, List<Integer> choices, Failing<T> best) {
        Source replay = Source.replay(choices);
        T value;
        try {
            value = gen.next(replay);
        } catch (RuntimeException e) {
            return null;
        }
        Throwable f = fails(property, value);
        return f != null && simpler(replay.choices(), best.choices()) ? new Failing<>(value, f, replay.choices()) : null;
    }

    /** Shorter is simpler; at equal length, the first smaller choice decides. */
    private static boolean simpler(List<Integer> a, List<Integer> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return a.get(i) < b.get(i);
            }
        }
        return false;
    }
}
