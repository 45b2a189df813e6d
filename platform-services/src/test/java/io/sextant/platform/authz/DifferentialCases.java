package io.sextant.platform.authz;

import io.sextant.platform.authz.DifferentialHarness.Case;
import io.sextant.platform.authz.DifferentialHarness.Command;
import io.sextant.platform.authz.RowSecurityModel.RowOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.sextant.platform.testing.prop.Gen;
import io.sextant.platform.testing.prop.Stats;
import org.jspecify.annotations.Nullable;

/** Generators for the differential test, aimed at the hard cases, and the labels that count them. */
final class DifferentialCases {

    private static final UUID A = DifferentialHarness.TENANT_A;
    private static final UUID B = DifferentialHarness.TENANT_B;
    private static final UUID O1 = DifferentialHarness.ORG_1;
    private static final UUID O2 = DifferentialHarness.ORG_2;

    static final List<String> ATOMS = List.of(
            "resource.tenant_id == principal.tenant",
            "resource.tenant_id != principal.tenant",
            "resource.owner == principal.id",
            "resource.status == \"open\"",
            "resource.status in [\"open\", \"closed\"]",
            "resource.status is null",
            "resource.owner is not null",
            "resource.amount > 5",
            "resource.amount <= principal.claims.level",
            "resource.flag",
            "principal.role == \"admin\"",
            "principal.role in [\"admin\", \"member\"]",
            "principal.claims.level >= 3",
            "principal.claims.dept == resource.status",
            "resource.org_id in principal.claims.orgs",
            "principal.claims.active",
            "context.risk < 50",
            "hour(context.time) >= 9",
            "context.ip in network \"10.0.0.0/8\"",
            "principal.tenant is null",
            "resource.tenant_id == principal.claims.home",
            "resource.org_id == \"" + O1 + "\"");

    private DifferentialCases() {
    }

    static Gen<String> expr(int depth) {
        Gen<String> atom = Gen.of(ATOMS);
        if (depth == 0) {
            return atom;
        }
        Gen<String> sub = expr(depth - 1);
        return Gen.frequency(List.of(4, 1, 2, 2), List.of(
                atom,
                sub.map(e -> "not (" + e + ")"),
                s -> "(" + sub.next(s) + ") and (" + sub.next(s) + ")",
                s -> "(" + sub.next(s) + ") or (" + sub.next(s) + ")"));
    }

    static Gen<String> rule() {
        Gen<String> effect = Gen.of("permit", "permit", "forbid");
        Gen<List<String>> actions = Gen.of("select", "insert", "update", "delete").distinctList(1, 4);
        Gen<String> condition = Gen.frequency(List.of(1, 6, 2), List.of(
                Gen.constant(""),
                expr(2).map(e -> " when " + e),
                expr(1).map(e -> " unless " + e)));
        return s -> effect.next(s) + " " + String.join(", ", actions.next(s)) + " on item" + condition.next(s) + ";";
    }

    static Gen<String> policy() {
        return rule().list(0, 4).map(rules -> DifferentialHarness.CLAIMS + String.join("\n", rules) + "\n");
    }

    static Gen<Map<String, @Nullable Object>> row(int id) {
        Gen<@Nullable UUID> tenant = Gen.of(A, B).orNull(4);
        Gen<@Nullable String> owner = Gen.of("u1", "u2", "aaaaaaaa-0000-4000-8000-000000000001").orNull(4);
        Gen<@Nullable String> status = Gen.of("open", "closed", "draft").orNull(4);
        Gen<@Nullable Integer> amount = Gen.of(-5, 0, 3, 5, 10, 100).orNull(4);
        Gen<@Nullable Boolean> flag = Gen.of(true, false).orNull(4);
        Gen<@Nullable UUID> org = Gen.of(O1, O2).orNull(4);
        return s -> {
            Map<String, @Nullable Object> r = new LinkedHashMap<>();
            r.put("id", id);
            r.put("tenant_id", tenant.next(s));
            r.put("owner", owner.next(s));
            r.put("status", status.next(s));
            r.put("amount", amount.next(s));
            r.put("flag", flag.next(s));
            r.put("org_id", org.next(s));
            return r;
        };
    }

    static Gen<List<Map<String, @Nullable Object>>> rows() {
        return Gen.between(1, 5).flatMap(n -> s -> {
            List<Map<String, @Nullable Object>> list = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                list.add(row(i).next(s));
            }
            return list;
        });
    }

    /** Claims with some missing, some of the wrong type, lists with nulls. */
    static Gen<Map<String, Object>> claims() {
        Gen<@Nullable Object> sub = Gen.<Object>of("u1", "u2", "aaaaaaaa-0000-4000-8000-000000000001").orNull(4);
        Gen<@Nullable Object> role = Gen.<Object>of("admin", "member", "guest").orNull(4);
        Gen<@Nullable Object> level = Gen.<Object>of(1, 3, 5, 10, "7", "high").orNull(4);
        Gen<@Nullable Object> dept = Gen.<Object>of("open", "closed", "sales").orNull(4);
        Gen<@Nullable Object> orgs = Gen.<Object>of(List.of(), List.of(O1.toString()), List.of(O1.toString(), O2.toString()),
                java.util.Arrays.asList(O2.toString(), null), List.of("not-a-uuid")).orNull(4);
        Gen<@Nullable Object> active = Gen.<Object>of(true, false, "yes").orNull(4);
        Gen<@Nullable Object> home = Gen.<Object>of(A.toString(), B.toString(), A.toString().toUpperCase(), "garbage").orNull(4);
        return s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "sub", sub.next(s));
            put(m, "role", role.next(s));
            put(m, "level", level.next(s));
            put(m, "dept", dept.next(s));
            put(m, "orgs", orgs.next(s));
            put(m, "active", active.next(s));
            put(m, "home", home.next(s));
            return m;
        };
    }

    private static void put(Map<String, Object> m, String k, @Nullable Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    static Gen<RequestContext> context() {
        Gen<@Nullable Instant> time = Gen.of(Instant.parse("2026-11-26T08:15:00Z"), Instant.parse("2026-11-26T09:00:00Z"),
                Instant.parse("2026-11-26T21:30:00Z")).orNull(4);
        Gen<@Nullable String> ip = Gen.of("10.1.2.3", "192.168.0.7", "10.255.255.255").orNull(4);
        Gen<@Nullable BigDecimal> risk = Gen.of(new BigDecimal("10"), new BigDecimal("50"), new BigDecimal("90.5")).orNull(4);
        return s -> new RequestContext(time.next(s), ip.next(s), risk.next(s));
    }

    static Gen<Command> command(int rowCount) {
        Gen<Integer> id = Gen.between(1, Math.max(1, rowCount));
        Gen<Command> select = Gen.constant(new Command("select", 0, null, null, Map.of()));
        Gen<Command> delete = id.map(i -> new Command("delete", i, null, null, Map.of()));
        Gen<Object[]> change = Gen.frequency(List.of(4, 1, 1, 1, 1), List.of(
                Gen.<Object>of(A, B).orNull(4).map(v -> new Object[] {"tenant_id", v}),
                Gen.<Object>of("u1", "u2").orNull(4).map(v -> new Object[] {"owner", v}),
                Gen.<Object>of("open", "closed").orNull(4).map(v -> new Object[] {"status", v}),
                Gen.<Object>of(0, 5, 50).orNull(4).map(v -> new Object[] {"amount", v}),
                Gen.<Object>of(true, false).orNull(4).map(v -> new Object[] {"flag", v})));
        Gen<Command> update = s -> {
            int i = id.next(s);
            Object[] ch = change.next(s);
            return new Command("update", i, (String) ch[0], ch[1], Map.of());
        };
        Gen<Command> insert = row(100).map(r -> new Command("insert", 100, null, null, r));
        return Gen.frequency(List.of(2, 3, 1, 2), List.of(select, update, delete, insert));
    }

    static Gen<Case> cases() {
        Gen<String> policy = policy();
        Gen<List<Map<String, @Nullable Object>>> rows = rows();
        Gen<String> role = Gen.of("t_a", "t_a", "t_b", "t_none");
        Gen<Map<String, Object>> claims = claims();
        Gen<RequestContext> context = context();
        return s -> {
            String p = policy.next(s);
            List<Map<String, @Nullable Object>> r = rows.next(s);
            String ro = role.next(s);
            Map<String, Object> c = claims.next(s);
            RequestContext ctx = context.next(s);
            List<Command> cmds = command(r.size()).list(1, 3).next(s);
            return new Case(p, r, ro, c, ctx, cmds);
        };
    }

    /** Counts the hard cases this case reaches (reported after the run). */
    static void classify(Case k, Stats stats) {
        Policy policy = PolicyParser.parse(k.policy(), List.of(DifferentialHarness.ITEM));
        CompiledPolicy compiled = CompiledPolicy.of(policy);
        Principal principal = DifferentialHarness.principal(k);
        RowSecurityModel model = new RowSecurityModel(compiled, principal, k.context(), "item");
        boolean both = policy.rules().stream().anyMatch(PolicyRule::permit) && policy.rules().stream().anyMatch(r -> !r.permit());
        stats.collect("permit and forbid rules together", both);
        stats.collect("session without a tenant", principal.tenant() == null);
        boolean missing = List.of("sub", "role", "level", "dept", "orgs", "active", "home").stream().anyMatch(c -> !k.claims().containsKey(c));
        stats.collect("a claim is missing", missing);
        boolean unknown = false;
        boolean skipped = false;
        boolean refused = false;
        boolean moves = false;
        for (Command cmd : k.commands()) {
            for (Map<String, @Nullable Object> r : k.rows()) {
                DecisionTrace t = compiled.trace(model.request(cmd.kind().equals("insert") ? "insert" : "select", r), UUID.randomUUID(),
                        TraceKind.SIMULATION, null, Instant.EPOCH);
                unknown |= t.rules().stream().anyMatch(o -> o.result().equals("UNKNOWN"));
                if (cmd.kind().equals("update") && r.get("id").equals(cmd.id())) {
                    Map<String, @Nullable Object> after = new LinkedHashMap<>(r);
                    after.put(cmd.column(), cmd.value());
                    RowOutcome o = model.update(r, after);
                    skipped |= o == RowOutcome.SKIPPED_NOT_VISIBLE || o == RowOutcome.SKIPPED_NOT_PERMITTED;
                    refused |= o == RowOutcome.REFUSED_BY_CHECK || o == RowOutcome.REFUSED_NOT_VISIBLE_AFTER;
                    moves |= "tenant_id".equals(cmd.column()) && r.get("tenant_id") != null && !java.util.Objects.equals(r.get("tenant_id"), cmd.value());
                }
            }
        }
        stats.collect("a condition was UNKNOWN (null)", unknown);
        stats.collect("update moves a row to another tenant", moves);
        stats.collect("update skipped a row silently", skipped);
        stats.collect("update refused by WITH CHECK", refused);
        k.commands().forEach(c -> stats.collect("command", c.kind()));
    }
}
