package io.sextant.platform.authz;

import io.sextant.platform.authz.CompiledRls.RlsPolicy;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a policy to PostgreSQL row-level security. Each permit rule becomes one permissive
 * policy per command and table, each forbid rule one restrictive policy; {@code USING} and
 * {@code WITH CHECK} carry the same condition, so a row must satisfy it before and after an update.
 * A {@code when c} forbid restricts with {@code (c) IS NOT TRUE}, an {@code unless c} forbid with
 * {@code c}; a {@code when c} permit allows with {@code c}, an {@code unless c} permit with
 * {@code (c) IS NOT TRUE} — SQL's three-valued logic then matches the evaluator's exactly.
 *
 * <p>For speed on large tables, everything that does not depend on the row (the tenant, claims,
 * context) is wrapped in a scalar sub-select, which PostgreSQL evaluates once per statement (an
 * InitPlan) instead of once per row, and which leaves the row's columns free to use an index.
 * Claims are read from {@code request.claims} and converted the way {@link Values} does: a value
 * that is not of the declared type is null, never an error.
 */
public final class PolicyCompiler {

    private static final String UUID_RE = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";
    static final String NUMBER_RE = "'^-?[0-9]+(\\.[0-9]+)?$'";

    private final SqlTarget target;

    private PolicyCompiler(SqlTarget target) {
        this.target = target;
    }

    /** The statements that install {@code policy} on the target's tables; API actions are not compiled. */
    public static CompiledRls compile(Policy policy, SqlTarget target) {
        return new PolicyCompiler(target).run(policy);
    }

    /** One condition as SQL (what a rule's USING holds), for display and for the benchmarks. */
    public static String condition(PolicyExpr e, SqlTarget target) {
        return new PolicyCompiler(target).sql(e);
    }

    private CompiledRls run(Policy policy) {
        List<String> statements = new ArrayList<>();
        List<RlsPolicy> policies = new ArrayList<>();
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (TableSchema t : target.tables()) {
            statements.add("alter table " + t.qualifiedName() + " enable row level security");
            statements.add("alter table " + t.qualifiedName() + " force row level security");
            grants.put(t.qualifiedName(), new LinkedHashSet<>());
        }
        Set<String> names = new LinkedHashSet<>();
        for (PolicyRule rule : policy.rules()) {
            for (TableSchema t : target.tables()) {
                if (!rule.target().equals("*") && !rule.target().equals(t.name())) {
                    continue;
                }
                for (String action : rule.actions()) {
                    if (!PolicyRule.SQL_ACTIONS.contains(action)) {
                        continue;
                    }
                    String cond = ruleCondition(rule);
                    String name = name(rule.name(), t.name(), action, names);
                    String using = action.equals("insert") ? null : cond;
                    String check = action.equals("insert") || action.equals("update") ? cond : null;
                    RlsPolicy p = new RlsPolicy(name, t.qualifiedName(), action, rule.permit(), target.role(), using, check, rule.name());
                    policies.add(p);
                    statements.add(p.createStatement());
                    if (rule.permit()) {
                        grants.get(t.qualifiedName()).add(action);
                        if (!action.equals("insert")) {
                            // UPDATE and DELETE with a WHERE clause read the row, which needs SELECT.
                            grants.get(t.qualifiedName()).add("select");
                        }
                    }
                }
            }
        }
        if (target.manageGrants()) {
            grants.forEach((table, actions) -> {
                statements.add("revoke all on " + table + " from " + target.role());
                if (!actions.isEmpty()) {
                    statements.add("grant " + String.join(", ", actions) + " on " + table + " to " + target.role());
                }
            });
        }
        return new CompiledRls(policy.hash(), List.copyOf(statements), List.copyOf(policies));
    }

    private String ruleCondition(PolicyRule rule) {
        if (rule.condition() == null) {
            return rule.permit() ? "true" : "false";
        }
        String c = sql(rule.condition());
        boolean takesEffectWhenTrue = !rule.unless();
        // permit: the row passes where the rule takes effect; forbid: where it does not.
        return rule.permit() == takesEffectWhenTrue ? c : "(" + c + ") is not true";
    }

    private String name(String rule, String table, String action, Set<String> used) {
        String base = target.policyPrefix() + "_" + rule + (rule.endsWith("_" + table) ? "" : "_" + table) + "_" + action;
        if (base.length() > 63) {
            base = base.substring(0, 54) + "_" + PolicyParser.sha256(base).substring(0, 8);
        }
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base.substring(0, Math.min(base.length(), 60)) + "_" + i;
        }
        return name;
    }

    static String quoteIdent(String name) {
        return PolicyParser.IDENT.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    String sql(PolicyExpr e) {
        return switch (e) {
            case And a -> "(" + sql(a.left()) + " and " + sql(a.right()) + ")";
            case Or o -> "(" + sql(o.left()) + " or " + sql(o.right()) + ")";
            case Not n -> "(not " + sql(n.operand()) + ")";
            case Truth t -> "(" + value(t.value()) + ")";
            case IsNull n -> "(" + value(n.value()) + (n.negated() ? " is not null)" : " is null)");
            case InNetwork n -> "(" + value(n.value()) + " <<= " + literal(n.cidr()) + "::inet)";
            case In in -> in(in);
            case Compare c -> compare(c);
            default -> throw new IllegalStateException("not a condition: " + e);
        };
    }

    private String in(In in) {
        ValueType vt = PolicyParser.type(in.value());
        if (in.listPath() != null) {
            boolean asUuid = vt == ValueType.UUID || in.listPath().type() == ValueType.UUID_LIST;
            String v = asUuid ? asUuid(in.value()) : value(in.value());
            String list = listClaim(in.listPath().name(), asUuid ? ValueType.UUID_LIST : ValueType.TEXT_LIST);
            // the cast keeps "= any (sub-select)" from meaning "any row of the sub-select"
            return "(" + v + " = any (" + list + "::" + (asUuid ? "uuid[]" : "text[]") + "))";
        }
        boolean asUuid = vt == ValueType.UUID;
        List<String> items = new ArrayList<>();
        for (Literal l : in.list()) {
            items.add(asUuid ? literal(String.valueOf(l.value())) + "::uuid" : value(l));
        }
        return "(" + value(in.value()) + " in (" + String.join(", ", items) + "))";
    }

    private String compare(Compare c) {
        ValueType lt = PolicyParser.type(c.left());
        ValueType rt = PolicyParser.type(c.right());
        boolean asUuid = lt != rt && (lt == ValueType.UUID || rt == ValueType.UUID);
        String l = asUuid ? asUuid(c.left()) : value(c.left());
        String r = asUuid ? asUuid(c.right()) : value(c.right());
        String op = switch (c.op()) {
            case "==" -> "=";
            case "!=" -> "<>";
            default -> c.op();
        };
        return "(" + l + " " + op + " " + r + ")";
    }

    private String asUuid(PolicyExpr e) {
        if (PolicyParser.type(e) == ValueType.UUID) {
            return value(e);
        }
        if (e instanceof Literal l) {
            return literal(String.valueOf(l.value())) + "::uuid";
        }
        String v = value(e);
        if (v.startsWith("(select ")) {
            // keep the conversion inside the sub-select so it stays an InitPlan
            String inner = v.substring("(select ".length(), v.length() - 1);
            return "(select case when " + inner + " ~ " + UUID_RE + " then (" + inner + ")::uuid end)";
        }
        return "(case when " + v + " ~ " + UUID_RE + " then (" + v + ")::uuid end)";
    }

    private String settingJson(String setting) {
        return "nullif(current_setting(" + literal(setting) + ", true), '')::jsonb";
    }

    private String claimText(String claim) {
        return "(" + settingJson(target.claimsSetting()) + " ->> " + literal(claim) + ")";
    }

    private String listClaim(String claim, ValueType type) {
        String json = "c -> " + literal(claim);
        String element = type == ValueType.UUID_LIST ? "case when e ~ " + UUID_RE + " then e::uuid end" : "e";
        return "(select case when jsonb_typeof(" + json + ") = 'array' then array(select " + element
                + " from jsonb_array_elements_text(" + json + ") e) end from (select " + settingJson(target.claimsSetting()) + " as c) s)";
    }

    private String value(PolicyExpr e) {
        return switch (e) {
            case Literal l -> switch (l.type()) {
                case NUMBER -> "(" + ((BigDecimal) l.value()).toPlainString() + ")::numeric";
                case BOOL -> String.valueOf(l.value());
                case UUID -> literal(String.valueOf(l.value())) + "::uuid";
                case TIMESTAMP -> literal(String.valueOf(l.value())) + "::timestamptz";
                case INET -> literal(String.valueOf(l.value())) + "::inet";
                default -> literal(String.valueOf(l.value()));
            };
            case Call c -> "extract(" + (c.function().equals("hour") ? "hour" : "isodow") + " from (" + value(c.argument())
                    + ") at time zone 'UTC')";
            case Path p -> path(p);
            default -> throw new IllegalStateException("not a value: " + e);
        };
    }

    private String path(Path p) {
        return switch (p.root()) {
            case "principal" -> switch (p.name()) {
                case "tenant" -> "(select " + target.tenantExpression() + ")";
                case "id" -> "(select " + claimText("sub") + ")";
                case "role" -> "(select " + claimText("role") + ")";
                default -> claim(p.name(), p.type());
            };
            case "context" -> {
                String raw = "(" + settingJson(target.contextSetting()) + " ->> " + literal(p.name()) + ")";
                yield "(select " + raw + "::" + p.type().sql() + ")";
            }
            default -> quoteIdent(p.name());
        };
    }

    private String claim(String name, ValueType type) {
        String t = claimText(name);
        return switch (type) {
            case TEXT -> "(select " + t + ")";
            case NUMBER -> "(select case when " + t + " ~ " + NUMBER_RE + " then " + t + "::numeric end)";
            case BOOL -> "(select case " + t + " when 'true' then true when 'false' then false end)";
            case UUID -> "(select case when " + t + " ~ " + UUID_RE + " then " + t + "::uuid end)";
            case TEXT_LIST, UUID_LIST -> listClaim(name, type);
            default -> throw new IllegalStateException("claims cannot be " + type);
        };
    }
}
