package io.sextant.platform.authz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Decision traces for tests and benchmarks, with the kinds of values a real evaluator records. */
public final class TraceSamples {

    private TraceSamples() {
    }

    /** A trace whose values all come back from the store as the same Java values (Long, BigDecimal, String, ...). */
    public static DecisionTrace exact(UUID projectId, TraceKind kind, Instant decidedAt, int n) {
        Map<String, Object> principal = map("id", "operator-" + n, "roles", List.of("OPERATOR", "SUPPORT"), "mfa", true,
                "session", map("age_seconds", 1200L + n, "ip", "10.0.0." + (n % 250)));
        Map<String, Object> resource = map("type", "table", "tenant_id", projectId.toString(), "name", "orders_" + n,
                "rows", 125_000L, "sensitivity", new BigDecimal("0.75"), "owner", null, "labels", List.of("pii", "eu"));
        Map<String, Object> context = map("ip", "10.0.0.1", "time", "2025-11-26T01:22:00Z", "note", "tab\there \"quoted\" \\ ü",
                "risk", new BigDecimal("12.50"));
        ConditionOutcome tenant = new ConditionOutcome("resource.tenant_id == principal.tenant_id", 3, 9, "TRUE",
                map("resource.tenant_id", projectId.toString(), "principal.tenant_id", projectId.toString()));
        ConditionOutcome hours = new ConditionOutcome("context.hour < 20", 4, 9, "UNKNOWN", map("context.hour", null));
        List<RuleOutcome> rules = List.of(
                new RuleOutcome("r1", "tenant members read", "permit", true, "TRUE", true, List.of(tenant)),
                new RuleOutcome("r2", "no writes after hours", "forbid", true, "UNKNOWN", false, List.of(hours)),
                new RuleOutcome("r3", "admins delete", "permit", false, "N/A", false, List.of()));
        return new DecisionTrace(UUID.randomUUID(), "req-" + n, kind, projectId, principal, "read", "table", resource, context,
                "9f".repeat(32), "engine-1.0.0", rules, Effect.ALLOW, List.of("r1"), decidedAt);
    }

    public static DecisionTrace exact(UUID projectId, int n) {
        return exact(projectId, TraceKind.LIVE, Instant.parse("2025-11-26T01:22:00.123456Z").plusMillis(n), n);
    }

    /** Many traces of one project, decided one millisecond apart from {@code start}. */
    public static List<DecisionTrace> many(UUID projectId, Instant start, int count) {
        List<DecisionTrace> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(exact(projectId, TraceKind.LIVE, start.plusMillis(i), i));
        }
        return out;
    }

    /** The same trace with a new decision id. */
    public static DecisionTrace withId(DecisionTrace t, UUID id) {
        return new DecisionTrace(id, t.requestId(), t.kind(), t.projectId(), t.principal(), t.action(), t.resourceType(),
                t.resource(), t.context(), t.policyVersionHash(), t.engineVersion(), t.rules(), t.effect(), t.decidingRules(),
                t.decidedAt());
    }

    /** The same trace with another effect. */
    public static DecisionTrace withEffect(DecisionTrace t, Effect effect) {
        return new DecisionTrace(t.decisionId(), t.requestId(), t.kind(), t.projectId(), t.principal(), t.action(),
                t.resourceType(), t.resource(), t.context(), t.policyVersionHash(), t.engineVersion(), t.rules(), effect,
                t.decidingRules(), t.decidedAt());
    }

    /** The same trace with another context. */
    public static DecisionTrace withContext(DecisionTrace t, Map<String, Object> context) {
        return new DecisionTrace(t.decisionId(), t.requestId(), t.kind(), t.projectId(), t.principal(), t.action(),
                t.resourceType(), t.resource(), context, t.policyVersionHash(), t.engineVersion(), t.rules(), t.effect(),
                t.decidingRules(), t.decidedAt());
    }

    /** A map that allows null values, from alternating keys and values. */
    public static Map<String, Object> map(@Nullable Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values: " + Arrays.toString(keysAndValues));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
