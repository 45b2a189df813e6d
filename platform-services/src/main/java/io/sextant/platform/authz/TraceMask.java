package io.sextant.platform.authz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hides a tenant's row values in a trace for a reader who may not see that tenant's rows (D009):
 * every attribute of the resource and every value a condition read from it ({@code resource.*})
 * becomes {@link #MASKED}; the column names, the principal, the context, the rules and their
 * results stay. A condition's result can still say something about a row (that a column equals a
 * policy literal): explaining a decision needs it, and the policy text is not the row.
 */
public final class TraceMask {

    /** What a reader sees instead of a row value. */
    public static final String MASKED = "•••";
    /** What every input value of a trace reads as once its inputs were purged. */
    public static final String PURGED = "(purged)";

    private TraceMask() {
    }

    public static DecisionTrace rowValuesMasked(DecisionTrace t) {
        Map<String, Object> resource = new LinkedHashMap<>();
        t.resource().keySet().forEach(k -> resource.put(k, MASKED));
        List<RuleOutcome> rules = new ArrayList<>(t.rules().size());
        for (RuleOutcome r : t.rules()) {
            List<ConditionOutcome> conditions = r.conditions().stream()
                    .map(c -> new ConditionOutcome(c.text(), c.line(), c.column(), c.result(), conditionValuesMasked(c.values()))).toList();
            rules.add(new RuleOutcome(r.ruleId(), r.ruleName(), r.ruleEffect(), r.applicable(), r.result(), r.matched(), conditions));
        }
        return new DecisionTrace(t.decisionId(), t.requestId(), t.kind(), t.projectId(), t.principal(), t.action(), t.resourceType(),
                Collections.unmodifiableMap(resource), t.context(), t.policyVersionHash(), t.engineVersion(), List.copyOf(rules), t.effect(),
                t.decidingRules(), t.decidedAt());
    }

    /** A condition's values with those read from the row masked (null values too: "missing" is a fact about the row). */
    static Map<String, Object> conditionValuesMasked(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, k.startsWith("resource.") ? MASKED : v));
        return Collections.unmodifiableMap(out);
    }
}
