package io.sextant.platform.risk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One feature's part in a score, with its lineage.
 *
 * @param value          the feature's value in thousandths; null when it could not be computed or was skipped
 * @param points         the contribution in thousandths of a point; null when the fast prefilter skipped the feature
 * @param cap            the most this feature can contribute under the model
 * @param readIds        the recorded requests the value was computed from
 * @param historyThrough the last recorded request of the principal the feature could read (null: none, or not read)
 * @param words          the value in plain words (numbers masked for readers who may not see the tenant's data)
 */
public record Contribution(String feature, int definitionVersion, FeatureStage stage, @Nullable Long value, @Nullable Long points, long cap,
        List<Long> readIds, @Nullable Long historyThrough, String words) {

    public boolean skipped() {
        return points == null;
    }

    /** "+30 (of at most 40): amount 4.2× the principal's usual". */
    public String sentence() {
        if (points == null) {
            return feature + ": not computed — the fast prefilter showed the score could not reach the threshold even with its maximum ("
                    + Fixed.format(cap) + ")";
        }
        return (points > 0 ? "+" : "") + Fixed.format(points) + " (of at most " + Fixed.format(cap) + "), " + feature + ": " + words;
    }
}
