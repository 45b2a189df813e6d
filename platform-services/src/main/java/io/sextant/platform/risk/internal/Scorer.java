package io.sextant.platform.risk.internal;

import io.sextant.platform.risk.FeatureStage;
import io.sextant.platform.risk.Prefilter;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The model's arithmetic, a pure function of the model, the request, its time and the history it
 * reads: cheap terms first, then the bound, then — unless the bound proves the threshold out of
 * reach — the expensive terms. Every step is {@code long} arithmetic (docs/risk-models.md).
 */
public final class Scorer {

    /** One term's outcome; {@code points} null when the prefilter skipped it. */
    record Value(RiskModel.Term term, Feature feature, @Nullable Long value, @Nullable Long points, List<Long> readIds, @Nullable Long through) {
    }

    record Result(List<Value> values, long score, long bound, boolean flagged, boolean prefiltered) {
    }

    private Scorer() {
    }

    static Result score(RiskModel model, RiskRequest request, Instant at, Supplier<History> history, Prefilter prefilter) {
        List<Value> values = new ArrayList<>(model.terms().size());
        long cheap = 0;
        long expensiveCaps = 0;
        for (RiskModel.Term t : model.terms()) {
            if (t.stage() == FeatureStage.CHEAP) {
                Feature.Cheap f = (Feature.Cheap) Features.get(t.feature());
                Long v = f.value(request, at);
                long points = t.contribution(v);
                cheap = Math.addExact(cheap, points);
                values.add(new Value(t, f, v, points, List.of(), null));
            } else {
                expensiveCaps = Math.addExact(expensiveCaps, t.cap());
            }
        }
        long bound = Math.addExact(cheap, expensiveCaps);
        boolean skip = prefilter == Prefilter.ON && bound < model.threshold();
        long score = cheap;
        History h = skip ? null : history.get();
        for (RiskModel.Term t : model.terms()) {
            if (t.stage() != FeatureStage.EXPENSIVE) {
                continue;
            }
            Feature.Expensive f = (Feature.Expensive) Features.get(t.feature());
            if (skip) {
                values.add(new Value(t, f, null, null, List.of(), null));
                continue;
            }
            Feature.Computed c = f.compute(h, request, at);
            long points = t.contribution(c.value());
            score = Math.addExact(score, points);
            values.add(new Value(t, f, c.value(), points, c.readIds(), h.through()));
        }
        // terms in the model's (canonical, by name) order, whatever their stage
        values.sort(java.util.Comparator.comparing(v -> v.term().feature()));
        return new Result(List.copyOf(values), score, bound, !skip && score >= model.threshold(), skip);
    }
}
