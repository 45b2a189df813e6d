package io.sextant.platform.authz;

import java.time.Instant;
import java.util.List;

/** Recorded live decisions replayed under a candidate version: what flips. */
public record ImpactReport(String candidateHash, String currentHash, Instant from, Instant to, int replayed, int unchanged,
        List<Flip> flips) {

    /** One recorded decision whose effect would change. */
    public record Flip(String decisionId, String request, Effect before, Effect after, List<String> decidingRulesAfter) {
    }
}
