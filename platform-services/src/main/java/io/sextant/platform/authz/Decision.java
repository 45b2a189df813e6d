package io.sextant.platform.authz;

import java.util.List;
import java.util.UUID;

/** A live decision as returned to its caller, after its trace is durable. */
public record Decision(UUID decisionId, Effect effect, List<String> decidingRules, String policyHash) {
}
