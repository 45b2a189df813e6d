package io.sextant.bench.policy;

import io.sextant.platform.authz.TableSchema;
import io.sextant.platform.authz.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic policy sets written twice, once in Sextant's policy language and once in Cedar, with
 * the same meaning. Every rule is built from atoms that each carry both spellings, so the two texts
 * are equivalent by construction; the benchmark still checks it on every request of the workload.
 *
 * <p>The mapping, atom by atom (Sextant | Cedar):
 * <ul>
 * <li>{@code rule r: permit select, update on invoice when A and B;} |
 * {@code permit(principal, action in [Action::"select", Action::"update"], resource is Invoice) when { A && B };}
 * (the Cedar policy id is the rule name, so deciding rules can be compared by name);</li>
 * <li>{@code resource.tenant_id == principal.tenant} | the same (uuids as canonical strings in Cedar);</li>
 * <li>{@code resource.owner_id == principal.id} | {@code resource.owner == principal} (an entity reference);</li>
 * <li>{@code principal.role in ["a", "b"]} | {@code ["a", "b"].contains(principal.role)};</li>
 * <li>{@code principal.claims.dept == resource.dept} | {@code principal.dept == resource.dept} (claims are
 * attributes of the principal entity);</li>
 * <li>{@code principal.claims.level >= resource.level} | the same on Longs;</li>
 * <li>{@code hour(context.time) >= 9 and hour(context.time) < 18} |
 * {@code context.time.toTime() >= duration("9h") && context.time.toTime() < duration("18h")} (UTC, Cedar's
 * datetime extension);</li>
 * <li>{@code context.ip in network "10.0.0.0/8"} | {@code context.ip.isInRange(ip("10.0.0.0/8"))};</li>
 * <li>{@code context.risk >= 80} | the same on a Long;</li>
 * <li>{@code resource.shared} | {@code resource.shared};</li>
 * <li>{@code forbid … unless C} | {@code forbid(…) unless { C }}.</li>
 * </ul>
 * The one place the languages differ in meaning is a missing or null attribute (Sextant: UNKNOWN, SQL's
 * three-valued logic; Cedar: an evaluation error that skips the policy). The workload never leaves an
 * attribute out, and the benchmark fails if Cedar reports any evaluation error.
 */
final class PolicySets {

    static final long SEED = 20_260_302L;
    static final List<String> ACTIONS = List.of("select", "insert", "update", "delete");
    static final List<String> ROLES = List.of("member", "viewer", "editor", "analyst", "admin", "auditor", "owner");
    static final List<String> DEPTS = List.of("eng", "sales", "ops", "finance", "legal", "hr");
    static final List<String> STATUSES = List.of("open", "draft", "review", "closed", "archived");
    static final List<UUID> TENANTS = List.of(
            UUID.fromString("7e000000-0000-4000-8000-000000000001"), UUID.fromString("7e000000-0000-4000-8000-000000000002"),
            UUID.fromString("7e000000-0000-4000-8000-000000000003"), UUID.fromString("7e000000-0000-4000-8000-000000000004"),
            UUID.fromString("7e000000-0000-4000-8000-000000000005"), UUID.fromString("7e000000-0000-4000-8000-000000000006"));
    static final List<String> TYPE_NAMES = List.of("document", "invoice", "project", "ticket", "report", "contract", "dataset",
            "dashboard", "notebook", "pipeline", "customer", "sales_order", "shipment", "payment", "asset", "incident", "runbook",
            "alert", "schedule", "comment", "attachment", "workspace", "budget", "forecast", "campaign");
    static final String CIDR_CORP = "10.0.0.0/8";
    static final String CIDR_VPN = "192.168.0.0/16";

    /** One condition in both languages. */
    record Atom(String sextant, String cedar) {
        Atom or(Atom other) {
            return new Atom("(" + sextant + " or " + other.sextant + ")", "(" + cedar + " || " + other.cedar + ")");
        }

        Atom not() {
            return new Atom("not " + sextant, "!" + cedar);
        }
    }

    record Rule(String name, boolean permit, List<String> actions, String type, List<Atom> condition, boolean unless) {

        String sextant() {
            StringBuilder b = new StringBuilder("rule ").append(name).append(": ").append(permit ? "permit " : "forbid ")
                    .append(String.join(", ", actions)).append(" on ").append(type);
            if (!condition.isEmpty()) {
                b.append(unless ? " unless " : " when ");
                b.append(String.join(" and ", condition.stream().map(Atom::sextant).toList()));
            }
            return b.append(';').toString();
        }

        String cedar() {
            StringBuilder b = new StringBuilder(permit ? "permit" : "forbid").append("(principal, ");
            if (actions.size() == 1) {
                b.append("action == Action::\"").append(actions.get(0)).append('"');
            } else {
                b.append("action in [").append(String.join(", ", actions.stream().map(a -> "Action::\"" + a + "\"").toList())).append(']');
            }
            b.append(", resource is ").append(cedarType(type)).append(')');
            if (!condition.isEmpty()) {
                b.append(unless ? " unless { " : " when { ");
                b.append(String.join(" && ", condition.stream().map(Atom::cedar).toList())).append(" }");
            }
            return b.append(';').toString();
        }
    }

    /** A generated policy set: its rules, the resource types it covers, and both texts. */
    record Generated(int size, List<String> types, List<Rule> rules) {

        String sextantText() {
            StringBuilder b = new StringBuilder("claims { dept: text, level: number }\n");
            rules.forEach(r -> b.append(r.sextant()).append('\n'));
            return b.toString();
        }

        String cedarText() {
            StringBuilder b = new StringBuilder();
            rules.forEach(r -> b.append("@id(\"").append(r.name).append("\")\n").append(r.cedar()).append('\n'));
            return b.toString();
        }

        /** The tables as Sextant's parser checks them: every type has the same columns. */
        List<TableSchema> tables() {
            Map<String, ValueType> columns = new LinkedHashMap<>();
            columns.put("id", ValueType.TEXT);
            columns.put("tenant_id", ValueType.UUID);
            columns.put("owner_id", ValueType.TEXT);
            columns.put("status", ValueType.TEXT);
            columns.put("dept", ValueType.TEXT);
            columns.put("level", ValueType.NUMBER);
            columns.put("shared", ValueType.BOOL);
            return types.stream().map(t -> new TableSchema(t, "app." + t, columns)).toList();
        }
    }

    private PolicySets() {
    }

    static String cedarType(String type) {
        StringBuilder b = new StringBuilder();
        for (String part : type.split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** How many resource types a set of this size covers: bigger sets cover more tables (2 … 25). */
    static int typeCount(int size) {
        return Math.max(2, Math.min(TYPE_NAMES.size(), size / 20));
    }

    /**
     * Rule kinds come from a deck of ten, shuffled for every ten rules, so every size has the same mix:
     * 2 owner, 2 role, 2 department/level, 1 tenant-specific, 1 business-hours and 1 shared-or-own permit,
     * and one forbid (high risk outside the network, archived rows, delete unless a role, in turn).
     */
    static final List<String> DECK = List.of("owner", "owner", "role", "role", "dept", "dept", "tenant", "hours", "shared", "forbid");

    static Generated generate(int size) {
        Random rng = new Random(SEED + size);
        List<String> types = TYPE_NAMES.subList(0, typeCount(size));
        List<Rule> rules = new ArrayList<>(size);
        List<String> deck = new ArrayList<>();
        int forbids = 0;
        for (int i = 0; i < size; i++) {
            if (deck.isEmpty()) {
                deck.addAll(DECK);
                java.util.Collections.shuffle(deck, rng);
            }
            String kind = deck.remove(deck.size() - 1);
            if (kind.equals("forbid")) {
                kind = List.of("risk", "archived", "delete").get(forbids++ % 3);
            }
            rules.add(rule(rng, i, types.get(rng.nextInt(types.size())), kind));
        }
        return new Generated(size, types, List.copyOf(rules));
    }

    // ---------------------------------------------------------------- atoms

    static Atom sameTenant() {
        return new Atom("resource.tenant_id == principal.tenant", "resource.tenant_id == principal.tenant");
    }

    static Atom tenantIs(UUID t) {
        return new Atom("principal.tenant == \"" + t + "\"", "principal.tenant == \"" + t + "\"");
    }

    static Atom owner() {
        return new Atom("resource.owner_id == principal.id", "resource.owner == principal");
    }

    static Atom shared() {
        return new Atom("resource.shared", "resource.shared");
    }

    static Atom in(String sextantPath, String cedarPath, List<String> values) {
        if (values.size() == 1) {
            return new Atom(sextantPath + " == " + quote(values.get(0)), cedarPath + " == " + quote(values.get(0)));
        }
        String list = "[" + String.join(", ", values.stream().map(PolicySets::quote).toList()) + "]";
        return new Atom(sextantPath + " in " + list, list + ".contains(" + cedarPath + ")");
    }

    static Atom roleIn(List<String> roles) {
        return in("principal.role", "principal.role", roles);
    }

    static Atom statusIn(List<String> statuses) {
        return in("resource.status", "resource.status", statuses);
    }

    static Atom deptMatch() {
        return new Atom("principal.claims.dept == resource.dept", "principal.dept == resource.dept");
    }

    static Atom levelAtLeastResource() {
        return new Atom("principal.claims.level >= resource.level", "principal.level >= resource.level");
    }

    static Atom resourceLevelAtMost(int n) {
        return new Atom("resource.level <= " + n, "resource.level <= " + n);
    }

    static Atom riskBelow(int n) {
        return new Atom("context.risk < " + n, "context.risk < " + n);
    }

    static Atom riskAtLeast(int n) {
        return new Atom("context.risk >= " + n, "context.risk >= " + n);
    }

    static Atom hourAtLeast(int h) {
        return new Atom("hour(context.time) >= " + h, "context.time.toTime() >= duration(\"" + h + "h\")");
    }

    static Atom hourBefore(int h) {
        return new Atom("hour(context.time) < " + h, "context.time.toTime() < duration(\"" + h + "h\")");
    }

    static Atom ipIn(String cidr) {
        return new Atom("context.ip in network \"" + cidr + "\"", "context.ip.isInRange(ip(\"" + cidr + "\"))");
    }

    static String quote(String s) {
        return '"' + s + '"';
    }

    // ---------------------------------------------------------------- rules

    private static List<String> pick(Random rng, List<String> from, int min, int max) {
        List<String> pool = new ArrayList<>(from);
        int n = min + rng.nextInt(max - min + 1);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(pool.remove(rng.nextInt(pool.size())));
        }
        return out;
    }

    /** 1–3 actions, select most often, in a fixed order. */
    private static List<String> permitActions(Random rng) {
        List<String> out = new ArrayList<>();
        if (rng.nextInt(100) < 75) {
            out.add("select");
        }
        for (String a : List.of("insert", "update", "delete")) {
            if (rng.nextInt(100) < 30) {
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            out.add(ACTIONS.get(rng.nextInt(ACTIONS.size())));
        }
        return out;
    }

    private static List<String> activeStatuses(Random rng) {
        return pick(rng, List.of("open", "draft", "review", "closed"), 2, 3);
    }

    private static Rule rule(Random rng, int i, String type, String kind) {
        String name = String.format("r%04d_%s", i, type);
        List<Atom> c = new ArrayList<>();
        if (kind.equals("owner")) { // owners of live rows
            c.add(sameTenant());
            c.add(owner());
            if (rng.nextBoolean()) {
                c.add(statusIn(activeStatuses(rng)));
            }
            return new Rule(name + "_owner", true, permitActions(rng), type, c, false);
        }
        if (kind.equals("role")) { // roles in the tenant, optionally only at low risk
            c.add(sameTenant());
            c.add(roleIn(pick(rng, ROLES, 1, 3)));
            if (rng.nextInt(3) == 0) {
                c.add(riskBelow(40 + 10 * rng.nextInt(4)));
            }
            return new Rule(name + "_role", true, permitActions(rng), type, c, false);
        }
        if (kind.equals("dept")) { // same department and enough level (claims against row attributes)
            c.add(sameTenant());
            c.add(deptMatch());
            c.add(levelAtLeastResource());
            return new Rule(name + "_dept", true, permitActions(rng), type, c, false);
        }
        if (kind.equals("tenant")) { // one tenant's own rule
            c.add(tenantIs(TENANTS.get(rng.nextInt(TENANTS.size()))));
            c.add(sameTenant());
            c.add(roleIn(pick(rng, ROLES, 1, 2)));
            c.add(statusIn(activeStatuses(rng)));
            return new Rule(name + "_tenant", true, permitActions(rng), type, c, false);
        }
        if (kind.equals("hours")) { // business hours, from the office or VPN
            int from = 7 + rng.nextInt(3);
            c.add(sameTenant());
            c.add(roleIn(pick(rng, ROLES, 1, 3)));
            c.add(hourAtLeast(from));
            c.add(hourBefore(from + 9));
            c.add(ipIn(CIDR_CORP).or(ipIn(CIDR_VPN)));
            return new Rule(name + "_hours", true, List.of("select"), type, c, false);
        }
        if (kind.equals("shared")) { // shared rows or own rows, up to a level
            c.add(sameTenant());
            c.add(shared().or(owner()));
            c.add(resourceLevelAtMost(2 + rng.nextInt(3)));
            return new Rule(name + "_shared", true, List.of("select"), type, c, false);
        }
        if (kind.equals("risk")) { // risky sessions from outside the network change nothing
            c.add(riskAtLeast(70 + 5 * rng.nextInt(5)));
            c.add(ipIn(CIDR_CORP).not());
            return new Rule(name + "_risk", false, List.of("insert", "update", "delete"), type, c, false);
        }
        if (kind.equals("archived")) { // archived rows are read-only
            c.add(statusIn(List.of("archived")));
            return new Rule(name + "_archived", false, List.of("update", "delete"), type, c, false);
        }
        c.add(roleIn(pick(rng, List.of("admin", "owner", "editor"), 1, 2))); // only some roles delete
        return new Rule(name + "_delete", false, List.of("delete"), type, c, true);
    }
}
