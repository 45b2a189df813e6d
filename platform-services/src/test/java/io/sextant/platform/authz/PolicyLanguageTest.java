package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The language's errors (with positions), versions by hash, templates, compiled SQL, explanations, test suites and least privilege. */
class PolicyLanguageTest {

    static final List<TableSchema> TABLES = List.of(DifferentialHarness.ITEM);
    static final UUID T = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");

    private static PolicySyntaxException error(String source) {
        try {
            PolicyParser.parse(source, TABLES);
        } catch (PolicySyntaxException e) {
            return e;
        }
        throw new AssertionError("expected a syntax error for: " + source);
    }

    @Test
    void errorsSayWhatAndWhere() {
        PolicySyntaxException e = error("permit select on item\n  when resource.owner = principal.id;");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(23);
        assertThat(e.problem()).contains("use ==");
        assertThat(error("permit select on item when resource.colour == \"red\";").problem()).contains("unknown column 'colour'")
                .contains("columns: id, tenant_id");
        assertThat(error("permit select on item when principal.claims.dept == \"x\";").problem()).contains("unknown claim 'dept'");
        assertThat(error("permit select on itme;").problem()).contains("unknown table 'itme'");
        assertThat(error("permit select on item when resource.amount == \"ten\";").problem()).contains("cannot compare");
        assertThat(error("permit select on item when resource.status < \"b\";").problem()).contains("orders numbers and times only");
        assertThat(error("permit select on item when resource.owner is null").problem()).contains("expected ';'");
        PolicySyntaxException unterminated = error("permit select on item when resource.status == \"open;");
        assertThat(unterminated.column()).isEqualTo(47);
        assertThat(error("rule a: permit select on item;\nrule a: forbid select on item;").line()).isEqualTo(2);
        assertThat(error("permit select on item when resource.org_id == \"not-a-uuid\";").problem()).contains("not a uuid");
    }

    @Test
    void aVersionIsItsCanonicalContent() {
        Policy a = PolicyParser.parse("permit select on item when resource.amount > 5; // a comment", TABLES);
        Policy b = PolicyParser.parse("  permit   select on item\n when (resource.amount > 5) ;", TABLES);
        Policy c = PolicyParser.parse("permit select on item when resource.amount > 6;", TABLES);
        assertThat(a.hash()).isEqualTo(b.hash()).isNotEqualTo(c.hash()).hasSize(64);
        assertThat(PolicyParser.parse(a.canonical(), TABLES).hash()).isEqualTo(a.hash());
    }

    @Test
    void denyByDefaultForbidWinsAndNullsAreUnknown() {
        CompiledPolicy p = CompiledPolicy.of(PolicyParser.parse("""
                claims { level: number }
                rule readers: permit select on item when principal.claims.level >= 3;
                rule no_drafts: forbid select on item when resource.status == "draft";
                """, TABLES));
        Principal five = new Principal("u1", "member", T, Map.of("level", 5));
        Principal none = new Principal("u1", "member", T, Map.of());
        assertThat(p.decide(req(five, "select", Map.of("status", "open")))).isEqualTo(Effect.ALLOW);
        assertThat(p.decide(req(five, "select", Map.of("status", "draft")))).isEqualTo(Effect.DENY);
        assertThat(p.decide(req(none, "select", Map.of("status", "open")))).isEqualTo(Effect.DENY);
        assertThat(p.decide(req(five, "delete", Map.of("status", "open")))).isEqualTo(Effect.DENY);
        DecisionTrace t = p.trace(req(none, "select", Map.of("status", "open")), UUID.randomUUID(), TraceKind.LIVE, null, Instant.EPOCH);
        assertThat(t.rules().get(0).result()).isEqualTo("UNKNOWN");
        assertThat(t.rules().get(0).conditions().get(0).values()).containsEntry("principal.claims.level", null);
        assertThat(t.engineVersion()).isEqualTo(CompiledPolicy.ENGINE_VERSION);
    }

    private static DecisionRequest req(Principal p, String action, Map<String, Object> row) {
        return new DecisionRequest(null, p, action, "item", new java.util.HashMap<>(row), RequestContext.at(Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void compiledSqlEvaluatesSessionValuesOnceAndRowValuesDirectly() {
        CompiledRls rls = PolicyCompiler.compile(PolicyParser.parse(
                "rule tenant: permit select, update on item when resource.tenant_id == principal.tenant;\n"
                        + "rule risky: forbid update on item when context.risk > 70;", TABLES), SqlTarget.of("t_a", TABLES));
        assertThat(rls.policies()).hasSize(3);
        assertThat(rls.policies().get(0).createStatement()).isEqualTo(
                "create policy sx_tenant_item_select on dt.item as permissive for select to t_a using ((tenant_id = (select platform.current_tenant_id())))");
        assertThat(rls.policies().get(1).withCheck()).isEqualTo(rls.policies().get(1).using());
        assertThat(rls.policies().get(2).permissive()).isFalse();
        assertThat(rls.policies().get(2).using()).endsWith(") is not true");
        assertThat(rls.statements()).contains("alter table dt.item force row level security");
    }

    @Test
    void templatesAreSuggestedFromColumnsAndCompile() {
        TableSchema doc = new TableSchema("document", "app.document", Map.of("id", ValueType.UUID, "tenant_id", ValueType.UUID, "owner_id",
                ValueType.UUID, "classification", ValueType.TEXT));
        List<PolicyTemplate.Use> uses = PolicyTemplate.suggest(doc);
        assertThat(uses).extracting(PolicyTemplate.Use::template).containsExactly(PolicyTemplate.OWN_ROWS, PolicyTemplate.TENANT_SCOPED,
                PolicyTemplate.PUBLIC_READ);
        List<PolicyTemplate.Use> all = new java.util.ArrayList<>(uses);
        all.add(new PolicyTemplate.Use(PolicyTemplate.ORG_MEMBERSHIP, "document", Map.of("column", "tenant_id", "claim", "orgs"), "test"));
        all.add(new PolicyTemplate.Use(PolicyTemplate.ADMIN_ONLY, "document", Map.of("role", "admin"), "test"));
        all.add(new PolicyTemplate.Use(PolicyTemplate.TIME_WINDOW, "document", Map.of("from_hour", "8", "to_hour", "18"), "test"));
        Policy p = PolicyParser.parse(PolicyTemplate.compose(all), List.of(doc));
        assertThat(p.rules()).hasSize(6);
        CompiledPolicy c = CompiledPolicy.of(p);
        UUID owner = UUID.randomUUID();
        Map<String, Object> row = Map.of("tenant_id", T, "owner_id", owner, "classification", "internal");
        DecisionRequest mine = new DecisionRequest(null, new Principal(owner.toString(), "member", UUID.randomUUID(), Map.of()), "update", "document",
                new java.util.HashMap<>(row), RequestContext.at(Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(c.decide(mine)).isEqualTo(Effect.ALLOW);
        DecisionRequest late = new DecisionRequest(null, mine.principal(), "update", "document", new java.util.HashMap<>(row),
                RequestContext.at(Instant.parse("2026-11-26T22:00:00Z")));
        assertThat(c.decide(late)).isEqualTo(Effect.DENY);
        assertThatThrownBy(() -> PolicyTemplate.TIME_WINDOW.render("document", Map.of("from_hour", "25"))).hasMessageContaining("hour 0–24");
    }

    @Test
    void explanationNamesTheRoleThatIsMissing() {
        Policy p = PolicyParser.parse("rule billing: permit billing.update on project when principal.role == \"billing-admin\";");
        CompiledPolicy c = CompiledPolicy.of(p);
        DecisionRequest r = new DecisionRequest("r1", new Principal("u1", "member", T, Map.of()), "billing.update", "project", Map.of(),
                RequestContext.at(Instant.EPOCH));
        Explanation e = Explainer.explain(c, c.trace(r, UUID.randomUUID(), TraceKind.LIVE, null, Instant.EPOCH));
        assertThat(e.summary()).startsWith("Denied by default");
        assertThat(e.smallestChange()).containsExactly("needs role billing-admin");
        assertThat(c.decide(Explainer.apply(r, e.changedInputs()))).isEqualTo(Effect.ALLOW);
        DecisionRequest delete = new DecisionRequest("r2", r.principal(), "billing.delete", "project", Map.of(), RequestContext.at(Instant.EPOCH));
        Explanation none = Explainer.explain(c, c.trace(delete, UUID.randomUUID(), TraceKind.LIVE, null, Instant.EPOCH));
        assertThat(none.changedInputs()).isEmpty();
        assertThat(none.smallestChange()).containsExactly("no rule permits billing.delete on project: only a new permit rule can allow it");

        DecisionRequest admin = new DecisionRequest("r3", new Principal("u2", "billing-admin", T, Map.of()), "billing.update", "project",
                Map.of(), RequestContext.at(Instant.EPOCH));
        Explanation allowed = Explainer.explain(c, c.trace(admin, UUID.randomUUID(), TraceKind.LIVE, null, Instant.EPOCH));
        assertThat(allowed.smallestChange()).as("never 'needs role null'").noneMatch(x -> x.contains("null") && !x.contains("(null)"));
    }

    @Test
    void testSuitesRunWithAFixedClockAndReportFailures() {
        CompiledPolicy c = CompiledPolicy.of(PolicyParser.parse("permit select on item when resource.tenant_id == principal.tenant "
                + "and hour(context.time) >= 9;", TABLES));
        var cases = PolicyTestSuite.parse("""
                clock 2026-11-26T10:00:00Z
                allow select item | role=member tenant=self | tenant_id=self
                deny  select item | role=member tenant=other | tenant_id=self
                allow select item | role=member tenant=self | tenant_id=self | time=2026-11-26T08:00:00Z
                """, T);
        var report = PolicyTestSuite.run(c, cases);
        assertThat(report.results()).extracting(PolicyTestSuite.Result::passed).containsExactly(true, true, false);
        assertThat(report.failures()).isEqualTo(1);
        assertThatThrownBy(() -> PolicyTestSuite.parse("maybe select item | | ", T)).isInstanceOf(PolicySyntaxException.class)
                .hasMessageContaining("Line 1");
    }

    @Test
    void leastPrivilegeKeepsWhatWasUsedAndDropsTheRest() {
        Policy project = PolicyParser.parse("""
                rule reports: permit reports.view, reports.delete on project when principal.role in ["admin", "member", "guest"];
                rule billing: permit billing.update on project when principal.role == "admin";
                """);
        CompiledPolicy c = CompiledPolicy.of(project);
        List<DecisionTrace> traces = new java.util.ArrayList<>();
        for (String role : List.of("member", "admin", "member")) {
            DecisionRequest r = new DecisionRequest("q-" + role, new Principal("u", role, T, Map.of()), "reports.view", "project", Map.of(),
                    new RequestContext(Instant.EPOCH, null, BigDecimal.ONE));
            traces.add(c.trace(r, UUID.randomUUID(), TraceKind.LIVE, null, Instant.EPOCH));
        }
        LeastPrivilegeProposal lp = LeastPrivilege.propose("", project, List.of(), traces, Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        assertThat(lp.proposedSource()).contains("permit reports.view on project when principal.role in [\"admin\", \"member\", \"guest\"] and "
                + "principal.role in [\"admin\", \"member\"]").doesNotContain("billing");
        assertThat(lp.removed()).anyMatch(s -> s.contains("reports.delete")).anyMatch(s -> s.startsWith("billing"))
                .anyMatch(s -> s.contains("roles other than admin, member"));
        assertThat(lp.stillAllowed()).isEqualTo(3);
        assertThat(lp.nowDenied()).isEmpty();
        assertThat(lp.newlyAllowed()).isEmpty();
    }
}
