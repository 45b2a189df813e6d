package io.sextant.platform.authz;

import io.sextant.platform.authz.PolicyExpr.And;
import io.sextant.platform.authz.PolicyExpr.Call;
import io.sextant.platform.authz.PolicyExpr.Compare;
import io.sextant.platform.authz.PolicyExpr.In;
import io.sextant.platform.authz.PolicyExpr.InNetwork;
import io.sextant.platform.authz.PolicyExpr.IsNull;
import io.sextant.platform.authz.PolicyExpr.Literal;
import io.sextant.platform.authz.PolicyExpr.Not;
import io.sextant.platform.authz.PolicyExpr.Or;
import io.sextant.platform.authz.PolicyExpr.Path;
import io.sextant.platform.authz.PolicyExpr.Truth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-process evaluator: a policy compiled once into closures, rules indexed by action and
 * resource type. Conditions use SQL's three-valued logic (a null or missing value makes a
 * comparison UNKNOWN), a rule takes effect only when its {@code when} condition is TRUE (or its
 * {@code unless} condition is not TRUE), any matching forbid denies, otherwise any matching permit
 * allows, otherwise the default denies. This is exactly what the compiled row-level security
 * enforces; the differential test holds the two to it.
 */
public final class CompiledPolicy {

    /** Changes whenever evaluation semantics change; recorded in every trace. */
    public static final String ENGINE_VERSION = "sextant-policy-engine/1";

    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    /** The result of a decision without its trace: the effect and the rules that fixed it. */
    public record Verdict(Effect effect, List<String> decidingRules) {
    }

    private interface Cond {
        int eval(DecisionRequest r);
    }

    private interface Getter {
        @Nullable Object get(DecisionRequest r);
    }

    /** One atom or connective of a condition, prepared once for traces: its closure, printed text and value getters. */
    private interface Explained {
        int explain(DecisionRequest r, List<ConditionOutcome> out);
    }

    private record Rule(PolicyRule source, @Nullable Cond cond, @Nullable Explained explained, RuleOutcome notApplicable) {
        boolean matches(DecisionRequest r) {
            if (cond == null) {
                return true;
            }
            int v = cond.eval(r);
            return source.unless() ? v != TRUE : v == TRUE;
        }
    }

    /** The rules covering one (action, resource type), and which rules in source order cover it (for traces). */
    private record Bucket(Rule[] forbids, Rule[] permits, boolean[] covers) {
    }

    private final Policy policy;
    private final List<Rule> rules;
    private final Map<String, Map<String, Bucket>> buckets = new ConcurrentHashMap<>();

    private CompiledPolicy(Policy policy) {
        this.policy = policy;
        List<Rule> list = new ArrayList<>();
        for (PolicyRule r : policy.rules()) {
            RuleOutcome na = new RuleOutcome(r.name(), r.name(), r.effectWord(), false, "N/A", false, List.of());
            list.add(r.condition() == null ? new Rule(r, null, null, na) : new Rule(r, cond(r.condition()), explained(r.condition()), na));
        }
        this.rules = List.copyOf(list);
    }

    public static CompiledPolicy of(Policy policy) {
        return new CompiledPolicy(policy);
    }

    public Policy policy() {
        return policy;
    }

    private Bucket bucket(String action, String type) {
        // Two lookups instead of one on a concatenated key: no string is built per decision.
        return buckets.computeIfAbsent(action, a -> new ConcurrentHashMap<>()).computeIfAbsent(type, t -> {
            List<Rule> f = new ArrayList<>();
            List<Rule> p = new ArrayList<>();
            boolean[] covers = new boolean[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.source.covers(action, type)) {
                    covers[i] = true;
                    (r.source.permit() ? p : f).add(r);
                }
            }
            return new Bucket(f.toArray(Rule[]::new), p.toArray(Rule[]::new), covers);
        });
    }

    /** Decides without building a trace. */
    public Effect decide(DecisionRequest r) {
        Bucket b = bucket(r.action(), r.resourceType());
        for (Rule f : b.forbids) {
            if (f.matches(r)) {
                return Effect.DENY;
            }
        }
        for (Rule p : b.permits) {
            if (p.matches(r)) {
                return Effect.ALLOW;
            }
        }
        return Effect.DENY;
    }

    /** Decides and names the deciding rules, without the per-condition detail. */
    public Verdict verdict(DecisionRequest r) {
        Bucket b = bucket(r.action(), r.resourceType());
        List<String> forbids = new ArrayList<>();
        for (Rule f : b.forbids) {
            if (f.matches(r)) {
                forbids.add(f.source.name());
            }
        }
        if (!forbids.isEmpty()) {
            return new Verdict(Effect.DENY, forbids);
        }
        List<String> permits = new ArrayList<>();
        for (Rule p : b.permits) {
            if (p.matches(r)) {
                permits.add(p.source.name());
            }
        }
        return permits.isEmpty() ? new Verdict(Effect.DENY, List.of()) : new Verdict(Effect.ALLOW, permits);
    }

    /** Decides and records every rule's outcome with the values each condition saw. */
    public DecisionTrace trace(DecisionRequest r, UUID decisionId, TraceKind kind, @Nullable UUID projectId, Instant decidedAt) {
        List<RuleOutcome> outcomes = new ArrayList<>(rules.size());
        List<String> forbids = new ArrayList<>();
        List<String> permits = new ArrayList<>();
        boolean[] covers = bucket(r.action(), r.resourceType()).covers;
        for (int i = 0; i < covers.length; i++) {
            Rule rule = rules.get(i);
            PolicyRule s = rule.source;
            if (!covers[i]) {
                outcomes.add(rule.notApplicable);
                continue;
            }
            List<ConditionOutcome> conditions = new ArrayList<>();
            String result = "TRUE";
            if (rule.explained != null) {
                result = word(rule.explained.explain(r, conditions));
            }
            boolean matched = s.condition() == null || (s.unless() ? !result.equals("TRUE") : result.equals("TRUE"));
            if (matched) {
                (s.permit() ? permits : forbids).add(s.name());
            }
            outcomes.add(new RuleOutcome(s.name(), s.name(), s.effectWord(), true, result, matched, List.copyOf(conditions)));
        }
        Effect effect = forbids.isEmpty() && !permits.isEmpty() ? Effect.ALLOW : Effect.DENY;
        List<String> deciding = !forbids.isEmpty() ? forbids : permits;
        return new DecisionTrace(decisionId, r.requestId(), kind, projectId, principalSnapshot(r.principal()), r.action(), r.resourceType(),
                snapshotMap(r.resource()), contextSnapshot(r.context()), policy.hash(), ENGINE_VERSION, List.copyOf(outcomes), effect,
                List.copyOf(deciding), decidedAt);
    }

    static String word(int v) {
        return v == TRUE ? "TRUE" : v == FALSE ? "FALSE" : "UNKNOWN";
    }

    public static Map<String, Object> principalSnapshot(Principal p) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("role", p.role());
        m.put("tenant", p.tenant() == null ? null : p.tenant().toString());
        m.put("claims", Values.snapshot(p.claims()));
        return nonNull(m);
    }

    public static Map<String, Object> contextSnapshot(RequestContext c) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("time", c.time() == null ? null : c.time().toString());
        m.put("ip", c.ip());
        m.put("risk", c.risk());
        return nonNull(m);
    }

    static Map<String, Object> snapshotMap(Map<String, @Nullable Object> values) {
        Map<String, @Nullable Object> m = new java.util.TreeMap<>();
        values.forEach((k, v) -> m.put(k, Values.snapshot(v)));
        return nonNull(m);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nonNull(Map<String, @Nullable Object> m) {
        return java.util.Collections.unmodifiableMap((Map<String, Object>) (Map<String, ?>) m);
    }

    // ---------------------------------------------------------------- explaining evaluation (all atoms, with values)

    /**
     * The condition prepared once for {@link #trace}: every atom is evaluated (no short circuit), in source
     * order, and recorded with its text, position, result and the values of the paths it reads.
     */
    private Explained explained(PolicyExpr e) {
        return switch (e) {
            case And a -> {
                Explained l = explained(a.left());
                Explained rt = explained(a.right());
                yield (r, out) -> and(l.explain(r, out), rt.explain(r, out));
            }
            case Or o -> {
                Explained l = explained(o.left());
                Explained rt = explained(o.right());
                yield (r, out) -> or(l.explain(r, out), rt.explain(r, out));
            }
            case Not n -> {
                Explained operand = explained(n.operand());
                yield (r, out) -> not(operand.explain(r, out));
            }
            default -> {
                Cond c = cond(e);
                String text = PolicyParser.print(e, 4);
                int line = e.pos().line();
                int column = e.pos().column();
                List<Path> paths = new ArrayList<>();
                collectPaths(e, paths);
                String[] keys = paths.stream().map(Path::text).toArray(String[]::new);
                Getter[] getters = paths.stream().map(this::getter).toArray(Getter[]::new);
                yield (r, out) -> {
                    int v = c.eval(r);
                    Map<String, @Nullable Object> seen = new LinkedHashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        seen.put(keys[i], Values.snapshot(getters[i].get(r)));
                    }
                    out.add(new ConditionOutcome(text, line, column, word(v), nonNull(seen)));
                    return v;
                };
            }
        };
    }

    /** The paths whose values an atom's outcome records, left to right. */
    private static void collectPaths(PolicyExpr e, List<Path> out) {
        switch (e) {
            case Path p -> out.add(p);
            case Compare c -> {
                collectPaths(c.left(), out);
                collectPaths(c.right(), out);
            }
            case In in -> {
                collectPaths(in.value(), out);
                if (in.listPath() != null) {
                    collectPaths(in.listPath(), out);
                }
            }
            case InNetwork n -> collectPaths(n.value(), out);
            case IsNull n -> collectPaths(n.value(), out);
            case Truth t -> collectPaths(t.value(), out);
            case Call c -> collectPaths(c.argument(), out);
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- compiling to closures

    static int and(int a, int b) {
        return a == FALSE || b == FALSE ? FALSE : a == UNKNOWN || b == UNKNOWN ? UNKNOWN : TRUE;
    }

    static int or(int a, int b) {
        return a == TRUE || b == TRUE ? TRUE : a == UNKNOWN || b == UNKNOWN ? UNKNOWN : FALSE;
    }

    static int not(int a) {
        return a == UNKNOWN ? UNKNOWN : a == TRUE ? FALSE : TRUE;
    }

    private Cond cond(PolicyExpr e) {
        return switch (e) {
            case And a -> {
                Cond l = cond(a.left());
                Cond rt = cond(a.right());
                yield r -> {
                    int x = l.eval(r);
                    return x == FALSE ? FALSE : and(x, rt.eval(r));
                };
            }
            case Or o -> {
                Cond l = cond(o.left());
                Cond rt = cond(o.right());
                yield r -> {
                    int x = l.eval(r);
                    return x == TRUE ? TRUE : or(x, rt.eval(r));
                };
            }
            case Not n -> {
                Cond c = cond(n.operand());
                yield r -> not(c.eval(r));
            }
            case Truth t -> {
                Getter g = getter(t.value());
                yield r -> {
                    Object v = g.get(r);
                    return v == null ? UNKNOWN : ((Boolean) v) ? TRUE : FALSE;
                };
            }
            case IsNull n -> {
                Getter g = getter(n.value());
                boolean negated = n.negated();
                yield r -> (g.get(r) == null) != negated ? TRUE : FALSE;
            }
            case InNetwork n -> {
                Getter g = getter(n.value());
                Object[] net = Values.parseCidr(n.cidr());
                yield r -> {
                    Object v = g.get(r);
                    return v == null ? UNKNOWN : Values.inNetwork((String) v, net) ? TRUE : FALSE;
                };
            }
            case In in -> inCond(in);
            case Compare c -> compare(c);
            default -> throw new IllegalStateException("not a condition: " + e);
        };
    }

    private Cond inCond(In in) {
        ValueType vt = PolicyParser.type(in.value());
        if (in.listPath() != null) {
            ValueType lt = in.listPath().type();
            boolean asUuid = vt == ValueType.UUID || lt == ValueType.UUID_LIST;
            Getter value = asUuid ? uuidGetter(in.value()) : getter(in.value());
            Getter list = getter(in.listPath());
            return r -> {
                Object l = list.get(r);
                if (l == null) {
                    return UNKNOWN;
                }
                List<?> items = (List<?>) l;
                if (items.isEmpty()) {
                    return FALSE;
                }
                Object v = value.get(r);
                boolean sawNull = v == null;
                for (Object item : items) {
                    Object x = asUuid && item != null ? Values.uuid(item) : item;
                    if (x == null) {
                        sawNull = true;
                    } else if (v != null && Values.equal(v, x)) {
                        return TRUE;
                    }
                }
                return sawNull ? UNKNOWN : FALSE;
            };
        }
        boolean asUuid = vt == ValueType.UUID;
        Getter value = getter(in.value());
        Object[] items = in.list().stream().map(l -> asUuid ? Values.uuid(l.value()) : l.value()).toArray();
        return r -> {
            Object v = value.get(r);
            if (v == null) {
                return UNKNOWN;
            }
            for (Object item : items) {
                if (item != null && Values.equal(v, item)) {
                    return TRUE;
                }
            }
            return FALSE;
        };
    }

    private Cond compare(Compare c) {
        ValueType lt = PolicyParser.type(c.left());
        ValueType rt = PolicyParser.type(c.right());
        boolean asUuid = lt != rt && (lt == ValueType.UUID || rt == ValueType.UUID);
        Getter l = asUuid ? uuidGetter(c.left()) : getter(c.left());
        Getter r2 = asUuid ? uuidGetter(c.right()) : getter(c.right());
        return switch (c.op()) {
            case "==" -> r -> {
                Object a = l.get(r);
                Object b = r2.get(r);
                return a == null || b == null ? UNKNOWN : Values.equal(a, b) ? TRUE : FALSE;
            };
            case "!=" -> r -> {
                Object a = l.get(r);
                Object b = r2.get(r);
                return a == null || b == null ? UNKNOWN : Values.equal(a, b) ? FALSE : TRUE;
            };
            default -> {
                String op = c.op();
                yield r -> {
                    Object a = l.get(r);
                    Object b = r2.get(r);
                    if (a == null || b == null) {
                        return UNKNOWN;
                    }
                    int k = Values.compare(a, b);
                    boolean ok = switch (op) {
                        case "<" -> k < 0;
                        case "<=" -> k <= 0;
                        case ">" -> k > 0;
                        default -> k >= 0;
                    };
                    return ok ? TRUE : FALSE;
                };
            }
        };
    }

    private Getter uuidGetter(PolicyExpr e) {
        Getter g = getter(e);
        return r -> {
            Object v = g.get(r);
            return v == null ? null : Values.uuid(v);
        };
    }

    private Getter getter(PolicyExpr e) {
        return switch (e) {
            case Literal l -> {
                Object v = l.value();
                yield r -> v;
            }
            case Call c -> {
                Getter arg = getter(c.argument());
                boolean hour = c.function().equals("hour");
                yield r -> {
                    Object t = arg.get(r);
                    if (t == null) {
                        return null;
                    }
                    var utc = ((Instant) t).atZone(ZoneOffset.UTC);
                    return BigDecimal.valueOf(hour ? utc.getHour() : utc.getDayOfWeek().getValue());
                };
            }
            case Path p -> pathGetter(p);
            default -> throw new IllegalStateException("not a value: " + e);
        };
    }

    private Getter pathGetter(Path p) {
        String name = p.name();
        ValueType type = p.type();
        return switch (p.root()) {
            case "principal" -> switch (name) {
                case "id" -> r -> r.principal().id();
                case "role" -> r -> r.principal().role();
                case "tenant" -> r -> r.principal().tenant();
                default -> r -> Values.coerce(r.principal().claims().get(name), type);
            };
            case "context" -> switch (name) {
                case "time" -> r -> r.context().time();
                case "ip" -> r -> r.context().ip() == null ? null : Values.coerce(r.context().ip(), ValueType.INET);
                default -> r -> r.context().risk();
            };
            default -> r -> Values.coerce(r.resource().get(name), type);
        };
    }
}
