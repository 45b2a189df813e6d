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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.statistics.Statistics;
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

    static Arbitrary<String> expr(int depth) {
        Arbitrary<String> atom = Arbitraries.of(ATOMS);
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> sub = expr(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, atom),
                net.jqwik.api.Tuple.of(1, sub.map(e -> "not (" + e + ")")),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) -> "(" + a + ") and (" + b + ")")),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) -> "(" + a + ") or (" + b + ")")));
    }

    static Arbitrary<String> rule() {
        Arbitrary<String> effect = Arbitraries.of("permit", "permit", "forbid");
        Arbitrary<List<String>> actions = Arbitraries.of("select", "insert", "update", "delete").list().uniqueElements().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> condition = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(6, expr(2).map(e -> " when " + e)),
                net.jqwik.api.Tuple.of(2, expr(1).map(e -> " unless " + e)));
        return Combinators.combine(effect, actions, condition).as((e, a, c) -> e + " " + String.join(", ", a) + " on item" + c + ";");
    }

    static Arbitrary<String> policy() {
        return rule().list().ofMinSize(0).ofMaxSize(4).map(rules -> DifferentialHarness.CLAIMS + String.join("\n", rules) + "\n");
    }

    private static <T> Arbitrary<@Nullable T> orNull(Arbitrary<T> a) {
        return a.injectNull(0.25);
    }

    static Arbitrary<Map<String, @Nullable Object>> row(int id) {
        return Combinators.combine(
                orNull(Arbitraries.of(A, B)),
                orNull(Arbitraries.of("u1", "u2", "aaaaaaaa-0000-4000-8000-000000000001")),
                orNull(Arbitraries.of("open", "closed", "draft")),
                orNull(Arbitraries.of(-5, 0, 3, 5, 10, 100)),
                orNull(Arbitraries.of(true, false)),
                orNull(Arbitraries.of(O1, O2))).as((t, o, s, a, f, org) -> {
                    Map<String, @Nullable Object> r = new LinkedHashMap<>();
                    r.put("id", id);
                    r.put("tenant_id", t);
                    r.put("owner", o);
                    r.put("status", s);
                    r.put("amount", a);
                    r.put("flag", f);
                    r.put("org_id", org);
                    return r;
                });
    }

    static Arbitrary<List<Map<String, @Nullable Object>>> rows() {
        return Arbitraries.integers().between(1, 5).flatMap(n -> {
            List<Arbitrary<Map<String, @Nullable Object>>> list = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                list.add(row(i));
            }
            return Combinators.combine(list).as(l -> l);
        });
    }

    /** Claims with some missing, some of the wrong type, lists with nulls. */
    static Arbitrary<Map<String, Object>> claims() {
        Arbitrary<@Nullable Object> sub = orNull(Arbitraries.of("u1", "u2", "aaaaaaaa-0000-4000-8000-000000000001"));
        Arbitrary<@Nullable Object> role = orNull(Arbitraries.of("admin", "member", "guest"));
        Arbitrary<@Nullable Object> level = orNull(Arbitraries.of(1, 3, 5, 10, "7", "high"));
        Arbitrary<@Nullable Object> dept = orNull(Arbitraries.of("open", "closed", "sales"));
        Arbitrary<@Nullable Object> orgs = orNull(Arbitraries.of(List.of(), List.of(O1.toString()), List.of(O1.toString(), O2.toString()),
                java.util.Arrays.asList(O2.toString(), null), List.of("not-a-uuid")));
        Arbitrary<@Nullable Object> active = orNull(Arbitraries.of(true, false, "yes"));
        Arbitrary<@Nullable Object> home = orNull(Arbitraries.of(A.toString(), B.toString(), A.toString().toUpperCase(), "garbage"));
        return Combinators.combine(sub, role, level, dept, orgs, active, home).as((s, r, l, d, o, a, h) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "sub", s);
            put(m, "role", r);
            put(m, "level", l);
            put(m, "dept", d);
            put(m, "orgs", o);
            put(m, "active", a);
            put(m, "home", h);
            return m;
        });
    }

    private static void put(Map<String, Object> m, String k, @Nullable Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    static Arbitrary<RequestContext> context() {
        return Combinators.combine(
                orNull(Arbitraries.of(Instant.parse("2026-11-26T08:15:00Z"), Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T21:30:00Z"))),
                orNull(Arbitraries.of("10.1.2.3", "192.168.0.7", "10.255.255.255")),
                orNull(Arbitraries.of(new BigDecimal("10"), new BigDecimal("50"), new BigDecimal("90.5"))))
                .as(RequestContext::new);
    }

    static Arbitrary<Command> command(int rowCount) {
        Arbitrary<Integer> id = Arbitraries.integers().between(1, Math.max(1, rowCount));
        Arbitrary<Command> select = Arbitraries.just(new Command("select", 0, null, null, Map.of()));
        Arbitrary<Command> delete = id.map(i -> new Command("delete", i, null, null, Map.of()));
        Arbitrary<Object[]> change = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, orNull(Arbitraries.of(A, B)).map(v -> new Object[] {"tenant_id", v})),
                net.jqwik.api.Tuple.of(1, orNull(Arbitraries.of("u1", "u2")).map(v -> new Object[] {"owner", v})),
                net.jqwik.api.Tuple.of(1, orNull(Arbitraries.of("open", "closed")).map(v -> new Object[] {"status", v})),
                net.jqwik.api.Tuple.of(1, orNull(Arbitraries.of(0, 5, 50)).map(v -> new Object[] {"amount", v})),
                net.jqwik.api.Tuple.of(1, orNull(Arbitraries.of(true, false)).map(v -> new Object[] {"flag", v})));
        Arbitrary<Command> update = Combinators.combine(id, change).as((i, ch) -> new Command("update", i, (String) ch[0], ch[1], Map.of()));
        Arbitrary<Command> insert = row(100).map(r -> new Command("insert", 100, null, null, r));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, select),
                net.jqwik.api.Tuple.of(3, update),
                net.jqwik.api.Tuple.of(1, delete),
                net.jqwik.api.Tuple.of(2, insert));
    }

    static Arbitrary<Case> cases() {
        return Combinators.combine(policy(), rows(), Arbitraries.of("t_a", "t_a", "t_b", "t_none"), claims(), context())
                .flatAs((p, rows, role, claims, ctx) -> command(rows.size()).list().ofMinSize(1).ofMaxSize(3)
                        .map(cmds -> new Case(p, rows, role, claims, ctx, cmds)));
    }

    /** Counts the hard cases this case reaches (reported by jqwik after the run). */
    static void classify(Case k) {
        Policy policy = PolicyParser.parse(k.policy(), List.of(DifferentialHarness.ITEM));
        CompiledPolicy compiled = CompiledPolicy.of(policy);
        Principal principal = DifferentialHarness.principal(k);
        RowSecurityModel model = new RowSecurityModel(compiled, principal, k.context(), "item");
        boolean both = policy.rules().stream().anyMatch(PolicyRule::permit) && policy.rules().stream().anyMatch(r -> !r.permit());
        Statistics.label("permit and forbid rules together").collect(both);
        Statistics.label("session without a tenant").collect(principal.tenant() == null);
        boolean missing = List.of("sub", "role", "level", "dept", "orgs", "active", "home").stream().anyMatch(c -> !k.claims().containsKey(c));
        Statistics.label("a claim is missing").collect(missing);
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
        Statistics.label("a condition was UNKNOWN (null)").collect(unknown);
        Statistics.label("update moves a row to another tenant").collect(moves);
        Statistics.label("update skipped a row silently").collect(skipped);
        Statistics.label("update refused by WITH CHECK").collect(refused);
        Statistics.label("command").collect(k.commands().get(0).kind());
    }
}
