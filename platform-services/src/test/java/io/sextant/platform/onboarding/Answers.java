package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.DataClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The whole answer space, and random draws from it. */
final class Answers {

    static List<Set<DataClass>> dataSubsets() {
        var subsets = new ArrayList<Set<DataClass>>();
        var all = DataClass.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            var s = EnumSet.noneOf(DataClass.class);
            for (int bit = 0; bit < all.length; bit++) {
                if ((mask & 1 << bit) != 0) {
                    s.add(all[bit]);
                }
            }
            subsets.add(s);
        }
        return subsets;
    }

    static List<Intent> all() {
        var intents = new ArrayList<Intent>();
        for (var b : Building.values()) {
            for (var u : EndUsers.values()) {
                for (var d : dataSubsets()) {
                    for (var r : Residency.values()) {
                        for (var s : Scale.values()) {
                            for (var rec : Recovery.values()) {
                                intents.add(new Intent(b, u, d, r, s, rec));
                            }
                        }
                    }
                }
            }
        }
        return intents;
    }

    static Intent random(Random random) {
        var data = dataSubsets();
        return new Intent(pick(random, Building.values()), pick(random, EndUsers.values()),
                data.get(random.nextInt(data.size())), pick(random, Residency.values()),
                pick(random, Scale.values()), pick(random, Recovery.values()));
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Whether the reason quotes the label of the answer to at least one of its source questions. */
    static boolean namesASource(Intent intent, DerivedItem<?> item) {
        var reason = item.reason().toLowerCase(java.util.Locale.ROOT);
        return item.sourceAnswers().stream().flatMap(q -> intent.labelsOf(q).stream())
                .anyMatch(label -> reason.contains(label.toLowerCase(java.util.Locale.ROOT)));
    }

    /** A conflict says what is wrong, then after a dash what to do. */
    static boolean actionable(Conflict c) {
        var parts = c.message().split(" — ");
        return parts.length == 2 && !parts[0].isBlank()
                && parts[1].matches("^(choose|remove|add|ask|answer|change|let) .*");
    }

    private Answers() {
    }
}
