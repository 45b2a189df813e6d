package io.sextant.platform.risk;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A stored score of one recorded request under one model version. {@code score}, {@code bound} and
 * {@code threshold} are thousandths of a point. {@code bound} is the cheap features' exact points
 * plus the caps of the expensive ones; when it is below the threshold the score is
 * {@code prefiltered}: the expensive features were skipped and {@code score} holds the cheap points
 * only (the full score lies between {@code score} and {@code bound}, so below the threshold).
 * {@code digest} is the SHA-256 of the score's canonical form, for replay.
 */
public record RiskScore(UUID scoreId, UUID projectId, long requestId, String principal, String action, String modelHash, long score,
        long bound, long threshold, boolean flagged, boolean prefiltered, Instant occurredAt, Instant scoredAt, String digest,
        List<Contribution> contributions, boolean valuesMasked) {

    /** "Why risky": the features that added points, largest first, in plain words. */
    public List<String> why() {
        List<String> lines = contributions.stream().filter(c -> c.points() != null && c.points() > 0)
                .sorted(Comparator.comparing((Contribution c) -> c.points()).reversed().thenComparing(Contribution::feature))
                .map(Contribution::sentence).toList();
        return lines.isEmpty() ? List.of("No feature added points") : lines;
    }

    /** One line: "Score 85 of threshold 70: flagged". */
    public String summary() {
        if (prefiltered) {
            return "Score at most " + Fixed.format(bound) + " (threshold " + Fixed.format(threshold)
                    + "): not flagged, settled by the fast prefilter without reading the history";
        }
        return "Score " + Fixed.format(score) + " (threshold " + Fixed.format(threshold) + "): " + (flagged ? "flagged" : "not flagged");
    }
}
