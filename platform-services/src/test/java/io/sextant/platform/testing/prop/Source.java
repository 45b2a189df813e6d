package io.sextant.platform.testing.prop;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where generators take their decisions from: a random source that records every choice, or a
 * replay of recorded choices. Shrinking edits the recorded choices (shorter, smaller) and replays
 * them, so every generator shrinks for free: choice 0 is always a generator's simplest value.
 * A replay that runs out of choices continues with 0s; a recorded value too large for its bound is
 * clamped.
 */
public final class Source {

    private final Random random;
    private final List<Integer> replay;
    private final List<Integer> recorded = new ArrayList<>();
    private int at;

    private Source(Random random, List<Integer> replay) {
        this.random = random;
        this.replay = replay;
    }

    public static Source random(long seed) {
        return new Source(new Random(seed), null);
    }

    public static Source replay(List<Integer> choices) {
        return new Source(null, choices);
    }

    /** A choice in {@code [0, bound)}. */
    public int draw(int bound) {
        if (bound <= 1) {
            recorded.add(0);
            return 0;
        }
        int v;
        if (replay != null) {
            v = at < replay.size() ? Math.min(Math.max(0, replay.get(at)), bound - 1) : 0;
            at++;
        } else {
            v = random.nextInt(bound);
        }
        recorded.add(v);
        return v;
    }

    public List<Integer> choices() {
        return List.copyOf(recorded);
    }
}
