package io.sextant.platform.authz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes the narrowest project policy that still allows everything recorded requests actually
 * used. For every permit rule of the project, it keeps only the actions and resource types the rule
 * allowed in the window, and (for "when" rules) adds a condition on the principal roles that used
 * them; rules nothing used are dropped; forbid rules stay. The preview replays every recorded
 * request under the current and the proposed policy.
 */
public final class LeastPrivilege {

    private LeastPrivilege() {
    }

    private record Use(TreeSet<String> actions, TreeSet<String> roles, boolean anonymous) {
    }

    public static LeastPrivilegeProposal propose(String platformSource, Policy project, List<TableSchema> tables, List<DecisionTrace> traces,
            Instant from, Instant to) {
        CompiledPolicy current = CompiledPolicy.of(PolicyParser.parse(platformSource + "\n" + project.canonical(), tables));
        Map<String, Map<String, Use>> uses = new LinkedHashMap<>(); // rule → type → use
        List<DecisionRequest> requests = new ArrayList<>();
        for (DecisionTrace t : traces) {
            DecisionRequest r = Explainer.requestOf(t);
            requests.add(r);
            CompiledPolicy.Verdict v = current.verdict(r);
            if (v.effect() != Effect.ALLOW) {
                continue;
            }
            for (String rule : v.decidingRules()) {
                if (project.rule(rule).isEmpty()) {
                    continue;
                }
                Use u = uses.computeIfAbsent(rule, k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.resourceType(), k -> new Use(new TreeSet<>(), new TreeSet<>(), false));
                u.actions().add(r.action());
                if (r.principal().role() == null) {
                    uses.get(rule).put(r.resourceType(), new Use(u.actions(), u.roles(), true));
                } else {
                    u.roles().add(r.principal().role());
                }
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (!project.claims().isEmpty()) {
            List<String> parts = new ArrayList<>();
            project.claims().forEach((k, v) -> parts.add(k + ": " + v.word()));
            text.append("claims { ").append(String.join(", ", parts)).append(" }\n");
        }
        for (PolicyRule rule : project.rules()) {
            if (!rule.permit()) {
                text.append(rule.canonical()).append('\n');
                kept.add(rule.name() + " (forbid, kept as is)");
                continue;
            }
            Map<String, Use> byType = uses.getOrDefault(rule.name(), Map.of());
            if (byType.isEmpty()) {
                removed.add(rule.name() + ": " + String.join(", ", rule.actions()) + " on " + rule.target() + " — never used");
                continue;
            }
            for (var e : byType.entrySet()) {
                String type = e.getKey();
                Use u = e.getValue();
                List<String> unusedActions = rule.actions().stream().filter(a -> !u.actions().contains(a)).toList();
                if (!unusedActions.isEmpty()) {
                    removed.add(rule.name() + ": " + String.join(", ", unusedActions) + " on " + type + " — granted, never used");
                }
                String name = byType.size() == 1 ? rule.name() : rule.name() + "_" + type;
                String condition = rule.condition() == null ? null : PolicyParser.print(rule.condition(), 0);
                String roles = null;
                if (!u.anonymous() && !rule.unless() && !u.roles().equals(requiredRoles(rule.condition()))) {
                    roles = "principal.role in [" + String.join(", ", u.roles().stream().map(PolicyParser::quote).toList()) + "]";
                    removed.add(rule.name() + ": on " + type + " for roles other than " + String.join(", ", u.roles()) + " — never used");
                }
                String when = condition == null ? roles : roles == null ? condition : "(" + condition + ") and " + roles;
                text.append("rule ").append(name).append(": permit ").append(String.join(", ", u.actions())).append(" on ").append(type)
                        .append(when == null ? "" : (rule.unless() ? " unless " : " when ") + when).append(";\n");
                kept.add(name + ": " + String.join(", ", u.actions()) + " on " + type);
            }
            if (rule.target().equals("*")) {
                for (TableSchema t : tables) {
                    if (!byType.containsKey(t.name())) {
                        removed.add(rule.name() + ": " + String.join(", ", rule.actions()) + " on " + t.name() + " — never used");
                    }
                }
            }
        }
        Policy proposed = PolicyParser.parse(text.toString(), tables);
        CompiledPolicy next = CompiledPolicy.of(PolicyParser.parse(platformSource + "\n" + proposed.canonical(), tables));
        int stillAllowed = 0;
        int stillDenied = 0;
        List<String> nowDenied = new ArrayList<>();
        List<String> newlyAllowed = new ArrayList<>();
        for (DecisionRequest r : requests) {
            Effect before = current.decide(r);
            Effect after = next.decide(r);
            String what = describe(r);
            if (before == Effect.ALLOW && after == Effect.ALLOW) {
                stillAllowed++;
            } else if (before == Effect.ALLOW) {
                nowDenied.add(what);
            } else if (after == Effect.ALLOW) {
                newlyAllowed.add(what);
            } else {
                stillDenied++;
            }
        }
        return new LeastPrivilegeProposal(project.hash(), proposed.hash(), proposed.canonical(), from, to, requests.size(), List.copyOf(removed),
                List.copyOf(kept), stillAllowed, List.copyOf(nowDenied), stillDenied, List.copyOf(newlyAllowed));
    }

    /** The roles a condition already limits the rule to (an and-chain holding principal.role == x or in [...]), or null. */
    private static java.util.@org.jspecify.annotations.Nullable Set<String> requiredRoles(@org.jspecify.annotations.Nullable PolicyExpr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof PolicyExpr.And a) {
            Set<String> l = requiredRoles(a.left());
            return l != null ? l : requiredRoles(a.right());
        }
        if (e instanceof PolicyExpr.In in && in.listPath() == null && in.value() instanceof PolicyExpr.Path p && p.text().equals("principal.role")) {
            return new TreeSet<>(in.list().stream().map(l -> String.valueOf(l.value())).toList());
        }
        if (e instanceof PolicyExpr.Compare c && c.op().equals("==") && c.left() instanceof PolicyExpr.Path p && p.text().equals("principal.role")
                && c.right() instanceof PolicyExpr.Literal l) {
            return new TreeSet<>(Set.of(String.valueOf(l.value())));
        }
        return null;
    }

    static String describe(DecisionRequest r) {
        return (r.principal().role() == null ? "(no role)" : r.principal().role()) + " " + r.action() + " " + r.resourceType()
                + (r.requestId() == null ? "" : " [" + r.requestId() + "]");
    }
}
