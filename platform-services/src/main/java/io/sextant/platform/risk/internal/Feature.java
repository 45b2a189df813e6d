package io.sextant.platform.risk.internal;

import io.sextant.platform.risk.FeatureInfo;
import io.sextant.platform.risk.RiskRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One feature definition. A definition never changes meaning under the same version: a change of
 * what it computes is a new version, and so a new hash for every model that uses it.
 */
sealed interface Feature permits Feature.Cheap, Feature.Expensive {

    FeatureInfo info();

    /** The value in plain words; {@code masked} hides the number for readers who may not see the tenant's data. */
    String words(@Nullable Long value, boolean masked);

    /** Reads the request alone. */
    non-sealed interface Cheap extends Feature {
        @Nullable Long value(RiskRequest request, Instant at);
    }

    /** Reads the principal's recorded history; says which rows it read. */
    non-sealed interface Expensive extends Feature {
        Computed compute(History history, RiskRequest request, Instant at);
    }

    /** A value (null when it cannot be computed) and the ids of the recorded requests it was computed from. */
    record Computed(@Nullable Long value, List<Long> readIds) {
    }

    static String shown(String text, boolean masked) {
        return masked ? "•••" : text;
    }
}
