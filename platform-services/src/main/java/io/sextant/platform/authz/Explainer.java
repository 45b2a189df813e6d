package io.sextant.platform.authz;

import io.sextant.platform.authz.PolicyExpr.Call;
import io.sextant.platform.authz.PolicyExpr.Compare;
import io.sextant.platform.authz.PolicyExpr.In;
import io.sextant.platform.authz.PolicyExpr.InNetwork;
import io.sextant.platform.authz.PolicyExpr.IsNull;
import io.sextant.platform.authz.PolicyExpr.Literal;
import io.sextant.platform.authz.PolicyExpr.Path;
import io.sextant.platform.authz.PolicyExpr.Truth;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Explains decisions and finds the smallest change that flips one. A change sets input attributes
 * (principal role, id, tenant, claims; context; the row's columns) to new values; its size is the
 * number of attributes it sets. Candidates come from the conditions of the rules that cover the
 * request: for each atomic condition, a value that makes it true and one that makes it false. The
 * search tries all changes of size 1, then 2, then 3, and keeps the first that flips the decision,
 * preferring principal attributes over context over the row (a user's role is the usual fix, the
 * row the least likely). Every suggested change is re-evaluated before it is returned, so it is
 * sound by construction; tests check it again.
 *
 * <p>For a reader who may not see the tenant's rows (D009) the explanation is computed on the full
 * inputs and then shown with the row's values masked: in the trace, in each reason's values, and
 * in any suggested value that was taken from the row (a value compared with a row's column).
 */
public final class Explainer {

    private static final int MAX_SIZE = 3;

    private Explainer() {
    }

    /** A rebuilt request from a trace's snapshot (for explanations, replay and previews). */
    public static DecisionRequest requestOf(DecisionTrace t) {
        Map<String, Object> p = t.principal();
        Object claims = p.get("claims");
        @SuppressWarnings("unchecked")
        Map<String, Object> claimMap = claims instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Object tenant = p.get("tenant");
        Principal principal = new Principal((String) p.get("id"), (String) p.get("role"),
                tenant == null ? null : UUID.fromString(tenant.toString()), claimMap);
        Map<String, Object> c = t.context();
        RequestContext ctx = new RequestContext(c.get("time") == null ? null : Instant.parse(c.get("time").toString()),
                (String) c.get("ip"), c.get("risk") == null ? null : new BigDecimal(c.get("risk").toString()));
        Map<String, @Nullable Object> resource = new LinkedHashMap<>(t.resource());
        return new DecisionRequest(t.requestId(), principal, t.action(), t.resourceType(), resource, ctx);
    }

    /** Explains a trace with all its inputs shown. */
    public static Explanation explain(CompiledPolicy policy, DecisionTrace t) {
        return explain(policy, t, TraceInputs.COMPLETE);
    }

    /**
     * Explains a trace for a reader given {@code shown} of its inputs: {@link TraceInputs#COMPLETE}
     * as recorded; {@link TraceInputs#ROW_VALUES_MASKED}: {@code t} must be the complete trace, and
     * the row's values are masked in what is returned; {@link TraceInputs#PURGED}: {@code t} holds
     * no input values, so no smallest change can be searched.
     */
    public static Explanation explain(CompiledPolicy policy, DecisionTrace t, TraceInputs shown) {
        boolean mask = shown == TraceInputs.ROW_VALUES_MASKED;
        List<String> reasons = new ArrayList<>();
        List<String> decidedBy = new ArrayList<>(t.decidingRules());
        String summary;
        boolean anyPermit = t.rules().stream().anyMatch(r -> r.ruleEffect().equals("permit") && r.matched());
        if (t.effect() == Effect.ALLOW) {
            summary = "Allowed by " + String.join(", ", decidedBy) + ".";
        } else if (!decidedBy.isEmpty()) {
            summary = "Denied: forbidden by " + String.join(", ", decidedBy) + (anyPermit ? "" : ", and no permit rule applies") + ".";
        } else {
            long covering = t.rules().stream().filter(r -> r.applicable() && r.ruleEffect().equals("permit")).count();
            summary = covering == 0 ? "Denied by default: no permit rule covers " + t.action() + " on " + t.resourceType() + "."
                    : "Denied by default: none of the " + covering + " permit rule(s) covering " + t.action() + " on " + t.resourceType()
                            + " matched.";
        }
        for (RuleOutcome r : t.rules()) {
            if (!r.applicable()) {
                continue;
            }
            boolean relevant = t.effect() == Effect.ALLOW ? r.matched() && r.ruleEffect().equals("permit")
                    : r.ruleEffect().equals("forbid") ? r.matched() : !r.matched();
            if (!relevant) {
                continue;
            }
            for (ConditionOutcome c : r.conditions()) {
                boolean interesting = r.ruleEffect().equals("permit") && t.effect() == Effect.DENY ? !c.result().equals("TRUE") : true;
                if (interesting) {
                    reasons.add(r.ruleName() + ": " + c.text() + " is " + c.result() + " ("
                            + values(mask ? TraceMask.conditionValuesMasked(c.values()) : c.values()) + ")" + hint(c));
                }
            }
            if (r.conditions().isEmpty()) {
                reasons.add(r.ruleName() + ": " + r.ruleEffect() + " without condition");
            }
        }
        if (shown == TraceInputs.PURGED) {
            return new Explanation(t.decisionId().toString(), t.effect(), summary, List.copyOf(decidedBy), List.copyOf(reasons),
                    List.of("the inputs of this decision were purged: no change of them can be searched"), Map.of(), t, shown);
        }
        Set<Map.Entry<String, @Nullable Object>> fromRow = new java.util.HashSet<>();
        Map<String, @Nullable Object> found = smallestChange(policy, requestOf(t), t.effect(), fromRow);
        Map<String, @Nullable Object> change = new LinkedHashMap<>();
        found.forEach((path, value) -> change.put(path, mask && fromRow.contains(entry(path, value)) ? TraceMask.MASKED : value));
        List<String> words = new ArrayList<>();
        change.forEach((path, value) -> words.add(describeChange(path, value, t)));
        if (change.isEmpty() && t.effect() == Effect.DENY) {
            // no change of up to three inputs flips it: say what the policy itself lacks
            boolean covered = t.rules().stream().anyMatch(r -> r.applicable() && r.ruleEffect().equals("permit"));
            words.add(covered ? "no change of up to three inputs allows it; the policy needs a permit rule that matches this request"
                    : "no rule permits " + t.action() + " on " + t.resourceType() + ": only a new permit rule can allow it");
        }
        return new Explanation(t.decisionId().toString(), t.effect(), summary, List.copyOf(decidedBy), List.copyOf(reasons), List.copyOf(words),
                java.util.Collections.unmodifiableMap(change), mask ? TraceMask.rowValuesMasked(t) : t, shown);
    }

    private static String values(Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " = " + (v == null ? "null (missing)" : v)));
        return parts.isEmpty() ? "no values" : String.join(", ", parts);
    }

    private static String hint(ConditionOutcome c) {
        Map<String, Object> v = c.values();
        if (c.text().equals("resource.tenant_id == principal.tenant") && !c.result().equals("TRUE")) {
            return v.get("principal.tenant") == null ? " — the session belongs to no tenant" : " — the row belongs to another tenant";
        }
        if (c.result().equals("UNKNOWN")) {
            return " — a value it needs is null or missing, so it is neither true nor false";
        }
        return "";
    }

    private static String describeChange(String path, @Nullable Object value, DecisionTrace t) {
        String v = value == null ? "null" : value.toString();
        if (path.equals("principal.role")) {
            // For an allowed request the flip is usually "no role at all": say it in words, never "role null".
            return value == null ? "a principal without a role would be refused" : "needs role " + v;
        }
        if (path.equals("principal.tenant")) {
            return "the row belongs to another tenant: only a session of tenant " + v + " may do this";
        }
        if (path.equals("principal.id")) {
            return "only principal " + v + " may do this (the row's owner)";
        }
        if (path.startsWith("principal.claims.")) {
            return value == null ? "claim " + path.substring(17) + " must be absent" : "needs claim " + path.substring(17) + " = " + v;
        }
        if (path.startsWith("context.")) {
            return value == null ? "only when " + path.substring(8) + " is missing" : "only when " + path.substring(8) + " is " + v;
        }
        return value == null ? "only for rows whose " + path.substring(9) + " is empty (null)" : "only for rows whose " + path.substring(9) + " is " + v;
    }

    /** The smallest change of the request's inputs that flips {@code effect}, or empty. */
    public static Map<String, @Nullable Object> smallestChange(CompiledPolicy policy, DecisionRequest request, Effect effect) {
        return smallestChange(policy, request, effect, new java.util.HashSet<>());
    }

    /** As above; {@code fromRow} receives the candidate (path, value) pairs whose value was taken from the row. */
    private static Map<String, @Nullable Object> smallestChange(CompiledPolicy policy, DecisionRequest request, Effect effect,
            Set<Map.Entry<String, @Nullable Object>> fromRow) {
        List<Map.Entry<String, @Nullable Object>> candidates = candidates(policy, request, fromRow);
        List<Map.Entry<String, @Nullable Object>> current = new ArrayList<>();
        for (int size = 1; size <= MAX_SIZE; size++) {
            Map<String, @Nullable Object> found = search(policy, request, effect, candidates, 0, size, current);
            if (found != null) {
                return found;
            }
        }
        return Map.of();
    }

    private static @Nullable Map<String, @Nullable Object> search(CompiledPolicy policy, DecisionRequest request, Effect effect,
            List<Map.Entry<String, @Nullable Object>> candidates, int from, int size, List<Map.Entry<String, @Nullable Object>> chosen) {
        if (chosen.size() == size) {
            Map<String, @Nullable Object> change = new LinkedHashMap<>();
            for (var e : chosen) {
                if (change.containsKey(e.getKey())) {
                    return null;
                }
                change.put(e.getKey(), e.getValue());
            }
            return policy.decide(apply(request, change)) != effect ? change : null;
        }
        for (int i = from; i < candidates.size(); i++) {
            chosen.add(candidates.get(i));
            Map<String, @Nullable Object> r = search(policy, request, effect, candidates, i + 1, size, chosen);
            chosen.remove(chosen.size() - 1);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** The request with attributes set by a change (path → value; null removes a claim or nulls a column). */
    public static DecisionRequest apply(DecisionRequest r, Map<String, @Nullable Object> change) {
        Principal p = r.principal();
        String id = p.id();
        String role = p.role();
        UUID tenant = p.tenant();
        Map<String, Object> claims = new LinkedHashMap<>(p.claims());
        Map<String, @Nullable Object> resource = new LinkedHashMap<>(r.resource());
        RequestContext c = r.context();
        Instant time = c.time();
        String ip = c.ip();
        BigDecimal risk = c.risk();
        for (var e : change.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            switch (k) {
                case "principal.id" -> id = v == null ? null : v.toString();
                case "principal.role" -> role = v == null ? null : v.toString();
                case "principal.tenant" -> tenant = v == null ? null : Values.uuid(v instanceof UUID ? v : v.toString());
                case "context.time" -> time = v == null ? null : (Instant) Values.coerce(v, ValueType.TIMESTAMP);
                case "context.ip" -> ip = v == null ? null : v.toString();
                case "context.risk" -> risk = v == null ? null : (BigDecimal) Values.coerce(v, ValueType.NUMBER);
                default -> {
                    if (k.startsWith("principal.claims.")) {
                        if (v == null) {
                            claims.remove(k.substring(17));
                        } else {
                            claims.put(k.substring(17), v);
                        }
                    } else if (k.startsWith("resource.")) {
                        resource.put(k.substring(9), v);
                    }
                }
            }
        }
        return new DecisionRequest(r.requestId(), new Principal(id, role, tenant, claims), r.action(), r.resourceType(), resource,
                new RequestContext(time, ip, risk));
    }

    private static int rank(String path) {
        return path.startsWith("principal.") ? 0 : path.startsWith("context.") ? 1 : 2;
    }

    private static List<Map.Entry<String, @Nullable Object>> candidates(CompiledPolicy policy, DecisionRequest r,
            Set<Map.Entry<String, @Nullable Object>> fromRow) {
        Candidates out = new Candidates(new LinkedHashSet<>(), fromRow);
        for (PolicyRule rule : policy.policy().rules()) {
            if (rule.covers(r.action(), r.resourceType()) && rule.condition() != null) {
                atoms(rule.condition(), r, out);
            }
        }
        List<Map.Entry<String, @Nullable Object>> list = new ArrayList<>(out.all());
        list.sort((a, b) -> Integer.compare(rank(a.getKey()), rank(b.getKey())));
        return list;
    }

    /** Candidate changes, and which of them carry a value taken from the row. */
    private record Candidates(Set<Map.Entry<String, @Nullable Object>> all, Set<Map.Entry<String, @Nullable Object>> fromRow) {
    }

    private static void atoms(PolicyExpr e, DecisionRequest r, Candidates out) {
        switch (e) {
            case PolicyExpr.And a -> {
                atoms(a.left(), r, out);
                atoms(a.right(), r, out);
            }
            case PolicyExpr.Or o -> {
                atoms(o.left(), r, out);
                atoms(o.right(), r, out);
            }
            case PolicyExpr.Not n -> atoms(n.operand(), r, out);
            case Compare c -> compareCandidates(c, r, out);
            case In in -> {
                if (in.value() instanceof Path p) {
                    if (in.listPath() == null) {
                        in.list().forEach(l -> add(out, p, l.value(), false));
                        add(out, p, null, false);
                    } else {
                        Object list = value(in.listPath(), r);
                        if (list instanceof List<?> l && !l.isEmpty() && l.get(0) != null) {
                            add(out, p, l.get(0), isRow(in.listPath()));
                        }
                        Object v = value(p, r);
                        if (v != null) {
                            add(out, in.listPath(), List.of(v.toString()), isRow(p));
                        }
                    }
                }
            }
            case IsNull n -> {
                if (n.value() instanceof Path p) {
                    add(out, p, null, false);
                }
            }
            case Truth t -> {
                if (t.value() instanceof Path p) {
                    add(out, p, Boolean.TRUE, false);
                    add(out, p, Boolean.FALSE, false);
                }
            }
            case InNetwork n -> {
                if (n.value() instanceof Path p) {
                    String base = n.cidr().substring(0, n.cidr().indexOf('/'));
                    add(out, p, base, false);
                }
            }
            default -> {
            }
        }
    }

    private static void compareCandidates(Compare c, DecisionRequest r, Candidates out) {
        for (int side = 0; side < 2; side++) {
            PolicyExpr mine = side == 0 ? c.left() : c.right();
            PolicyExpr other = side == 0 ? c.right() : c.left();
            if (!(mine instanceof Path p)) {
                continue;
            }
            Object target = other instanceof Literal l ? l.value() : other instanceof Path op ? value(op, r) : null;
            if (other instanceof Call) {
                continue;
            }
            if (target == null) {
                continue;
            }
            boolean row = other instanceof Path op && isRow(op);
            switch (c.op()) {
                case "==", "!=" -> {
                    add(out, p, target, row);
                    if (target instanceof UUID) {
                        add(out, p, UUID.nameUUIDFromBytes(target.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), row);
                    } else if (target instanceof String s) {
                        add(out, p, s + "-other", row);
                    }
                }
                default -> {
                    if (target instanceof BigDecimal d) {
                        add(out, p, d, row);
                        add(out, p, d.add(BigDecimal.ONE), row);
                        add(out, p, d.subtract(BigDecimal.ONE), row);
                    }
                }
            }
        }
    }

    private static @Nullable Object value(Path p, DecisionRequest r) {
        return switch (p.root()) {
            case "principal" -> switch (p.name()) {
                case "id" -> r.principal().id();
                case "role" -> r.principal().role();
                case "tenant" -> r.principal().tenant();
                default -> Values.coerce(r.principal().claims().get(p.name()), p.type());
            };
            case "context" -> switch (p.name()) {
                case "time" -> r.context().time();
                case "ip" -> r.context().ip();
                default -> r.context().risk();
            };
            default -> Values.coerce(r.resource().get(p.name()), p.type());
        };
    }

    private static boolean isRow(Path p) {
        return p.root().equals("resource");
    }

    private static void add(Candidates out, Path p, @Nullable Object v, boolean fromRow) {
        Object value = v instanceof UUID || v instanceof Instant ? v.toString() : v;
        if (!Objects.equals(p.root(), "principal") || !p.name().equals("tenant") || value != null) {
            out.all().add(entry(p.text(), value));
            if (fromRow) {
                out.fromRow().add(entry(p.text(), value));
            }
        }
    }

    private static Map.Entry<String, @Nullable Object> entry(String path, @Nullable Object value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(path, value);
    }
}
