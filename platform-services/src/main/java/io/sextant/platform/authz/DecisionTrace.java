package io.sextant.platform.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The complete record of one decision: enough to replay it byte for byte. {@code principal},
 * {@code resource} and {@code context} are snapshots of the inputs as the engine saw them
 * (JSON-compatible maps); {@code rules} has every rule's outcome with the values it saw;
 * {@code decidingRules} names the rule(s) that fixed the effect (the matching forbid rules, or the
 * matching permit rules, or none when the default denied). {@code decidedAt} comes from the
 * injected clock.
 */
public record DecisionTrace(UUID decisionId, @Nullable String requestId, TraceKind kind, @Nullable UUID projectId,
        Map<String, Object> principal, String action, String resourceType, Map<String, Object> resource,
        Map<String, Object> context, String policyVersionHash, String engineVersion, List<RuleOutcome> rules,
        Effect effect, List<String> decidingRules, Instant decidedAt) {

    /** The same trace tied to another request. */
    public DecisionTrace withRequestId(String id) {
        return new DecisionTrace(decisionId, id, kind, projectId, principal, action, resourceType, resource, context, policyVersionHash,
                engineVersion, rules, effect, decidingRules, decidedAt);
    }
}
