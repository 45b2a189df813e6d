package io.sextant.platform.testing.prop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A generator of values from a {@link Source}; its simplest value is the one choice 0 gives. */
@FunctionalInterface
public interface Gen<T> {

    T next(Source s);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return s -> f.apply(next(s));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
        return s -> f.apply(next(s)).next(s);
    }

    /** Null one time in {@code oneIn} (null is the simplest value). */
    default Gen<T> orNull(int oneIn) {
        return s -> s.draw(oneIn) == 0 ? null : next(s);
    }

    /** Lists of {@code min} to {@code max} elements (shorter is simpler). */
    default Gen<List<T>> list(int min, int max) {
        return s -> {
            int n = min + s.draw(max - min + 1);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(s));
            }
            return out;
        };
    }

    /** Lists without repeated elements (tries a few times per element, then stops). */
    default Gen<List<T>> distinctList(int min, int max) {
        return s -> {
            int n = min + s.draw(max - min + 1);
            List<T> out = new ArrayList<>(n);
            for (int tries = 0; out.size() < n && tries < n * 8; tries++) {
                T v = next(s);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
            if (out.size() < min) {
                throw new IllegalStateException("cannot draw " + min + " distinct values");
            }
            return out;
        };
    }

    static <T> Gen<T> constant(T value) {
        return s -> value;
    }

    /** One of the values; the first is the simplest. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> list = Arrays.asList(values);
        return s -> list.get(s.draw(list.size()));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> list = List.copyOf(values);
        return s -> list.get(s.draw(list.size()));
    }

    static Gen<Integer> between(int min, int max) {
        return s -> min + s.draw(max - min + 1);
    }

    /** Picks a generator by weight; the first is the simplest. */
    static <T> Gen<T> frequency(List<Integer> weights, List<Gen<? extends T>> gens) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        return s -> {
            int r = s.draw(total);
            for (int i = 0; i < gens.size(); i++) {
                r -= weights.get(i);
                if (r < 0) {
                    return gens.get(i).next(s);
                }
            }
            return gens.get(gens.size() - 1).next(s);
        };
    }
}
