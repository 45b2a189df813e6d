package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.authz.RowSecurityModel.RowOutcome;
import io.sextant.platform.authz.Simulation.Command;
import io.sextant.platform.authz.Simulation.Request;
import io.sextant.platform.authz.Simulation.Result;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.Tenants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The simulator on real provisioned tenants: real RLS in a rolled-back transaction, every row explained, the engine agreeing. */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class PolicySimulatorTests {

    @Autowired
    Tenants tenants;
    @Autowired
    PolicySimulator simulator;
    @Autowired
    PolicyService policies;
    @Autowired
    DSLContext dsl;

    ProvisioningResult a;
    ProvisioningResult b;
    String docId;

    @BeforeEach
    void twoTenantsWithADocument() throws Exception {
        Organization org = tenants.org("team");
        a = tenants.provision(org, "eu-central", IsolationModel.SHARED);
        b = tenants.provision(org, "eu-central", IsolationModel.SHARED);
        try (Connection c = tenants.login(a.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into tenant_data.document (title, classification) values ('Quarterly plan', 'internal')");
            try (ResultSet rs = st.executeQuery("select id from tenant_data.document")) {
                rs.next();
                docId = rs.getString(1);
            }
        }
    }

    private Request update(UUID principalProject, Map<String, String> set, String draft) {
        return new Request(a.projectId(), principalProject, "member", "u1", Map.of(), new RequestContext(Instant.parse("2026-11-26T10:00:00Z"), null, null),
                Command.UPDATE, "document", Map.of("id", docId), set, draft);
    }

    private String title() throws Exception {
        try (Connection c = tenants.login(a.credentials()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select title || '/' || tenant_id from tenant_data.document")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anotherTenantsUserUpdatesNothingAndEveryRuleSaysWhy() throws Exception {
        Result r = simulator.simulate(update(b.projectId(), Map.of("title", "hijacked"), null));
        assertThat(r.executed()).isTrue();
        assertThat(r.databaseRows()).isEmpty();
        assertThat(r.refused()).isNull();
        assertThat(r.agrees()).as(r.summary()).isTrue();
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(RowOutcome.SKIPPED_NOT_VISIBLE);
            RuleOutcome select = row.traces().get(0).rules().stream().filter(o -> o.ruleName().equals("platform_tenant_select")).findFirst().orElseThrow();
            assertThat(select.result()).isEqualTo("FALSE");
            assertThat(select.conditions().get(0).values()).containsEntry("resource.tenant_id", a.projectId().toString())
                    .containsEntry("principal.tenant", b.projectId().toString());
            assertThat(row.explanation()).contains("Silently skipped");
        });
        assertThat(title()).startsWith("Quarterly plan/");
        assertThat(policies.recentDecisions(a.projectId(), java.time.Duration.ofDays(3650), TraceKind.SIMULATION, 10)).isNotEmpty();
        assertThat(policies.recentDecisions(a.projectId(), java.time.Duration.ofDays(3650), TraceKind.LIVE, 10)).isEmpty();
    }

    @Test
    void movingARowToAnotherTenantIsRefusedByWithCheckAndRolledBack() throws Exception {
        Result r = simulator.simulate(update(a.projectId(), Map.of("tenant_id", b.projectId().toString()), null));
        assertThat(r.refused()).contains("row-level security");
        assertThat(r.predictedRefusal()).isTrue();
        assertThat(r.agrees()).as(r.summary()).isTrue();
        assertThat(r.rows().get(0).outcome()).isEqualTo(RowOutcome.REFUSED_BY_CHECK);
        assertThat(title()).endsWith("/" + a.projectId());
    }

    @Test
    void theTenantsOwnUserUpdatesItButNothingIsKept() throws Exception {
        Result r = simulator.simulate(update(a.projectId(), Map.of("title", "changed"), null));
        assertThat(r.databaseRows()).containsExactly(docId);
        assertThat(r.agrees()).isTrue();
        assertThat(title()).startsWith("Quarterly plan/");
    }

    /**
     * Each trace of a row is named by what PostgreSQL checks with it: a SELECT's trace says SELECT
     * and "the row as it is" (the UI used to guess the row by comparing the trace's snapshot with
     * the row, which differs whenever a column holds a uuid, and called a SELECT's row "as it would
     * be"); only the new row of an UPDATE or INSERT is "the row as it would be".
     */
    @Test
    void everyTraceOfARowSaysWhatItChecksAndOnWhichRow() {
        Result select = simulator.simulate(new Request(a.projectId(), a.projectId(), "member", "u1", Map.of(),
                RequestContext.at(Instant.parse("2026-11-26T10:00:00Z")), Command.SELECT, "document", Map.of("id", docId), Map.of(), null));
        assertThat(select.rows()).singleElement().satisfies(row -> {
            assertThat(row.traces()).extracting(DecisionTrace::action).containsExactly("select");
            assertThat(row.checks()).singleElement().satisfies(c -> assertThat(c).startsWith("SELECT").contains("the row as it is")
                    .doesNotContain("UPDATE").doesNotContain("would be"));
            assertThat(row.traces().get(0).resource()).as("the snapshot is not the row's map (uuid as text), so it cannot tell the row")
                    .isNotEqualTo(row.before());
        });
        Result update = simulator.simulate(update(a.projectId(), Map.of("title", "changed"), null));
        assertThat(update.rows()).singleElement().satisfies(row -> {
            for (int i = 0; i < row.traces().size(); i++) {
                assertThat(row.checks().get(i)).as("check " + i).startsWith(row.traces().get(i).action().toUpperCase(java.util.Locale.ROOT));
            }
            assertThat(row.checks()).filteredOn(c -> c.contains("the row as it would be")).hasSize(2);
            assertThat(row.traces().get(2).resource().get("title")).isEqualTo("changed");
            assertThat(row.traces().get(1).resource().get("title")).isEqualTo("Quarterly plan");
        });
    }

    @Test
    void whatIfEvaluatesADraftWithoutRunningTheCommand() {
        // a draft with table rules replaces the platform's default access: it must permit what it wants kept
        String draft = "rule members: permit select, update on document when resource.tenant_id == principal.tenant;\n"
                + "rule no_titles: forbid update on document when resource.title == \"Quarterly plan\";";
        Result r = simulator.simulate(update(a.projectId(), Map.of("title", "changed"), draft));
        assertThat(r.executed()).isFalse();
        assertThat(r.predictedRows()).isEmpty();
        assertThat(r.rows().get(0).outcome()).isEqualTo(RowOutcome.SKIPPED_NOT_PERMITTED);
        assertThat(r.summary()).startsWith("What-if");
        // a draft that only forbids leaves nothing permitted (deny by default)
        Result locked = simulator.simulate(update(a.projectId(), Map.of("title", "changed"), "rule no_titles: forbid update on document when resource.title == \"x\";"));
        assertThat(locked.rows().get(0).outcome()).isEqualTo(RowOutcome.SKIPPED_NOT_VISIBLE);
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> simulator.simulate(new Request(a.projectId(), a.projectId(), null, null, Map.of(), RequestContext.at(Instant.now()),
                Command.SELECT, "no_such_table", Map.of(), Map.of(), null))).hasMessageContaining("Unknown table 'no_such_table'");
        assertThatThrownBy(() -> simulator.simulate(new Request(a.projectId(), a.projectId(), null, null, Map.of(), RequestContext.at(Instant.now()),
                Command.SELECT, "document", Map.of("colour", "red"), Map.of(), null))).hasMessageContaining("Unknown column 'colour'");
        assertThatThrownBy(() -> simulator.simulate(new Request(UUID.randomUUID(), null, null, null, Map.of(), RequestContext.at(Instant.now()),
                Command.SELECT, "document", Map.of(), Map.of(), null))).isInstanceOf(UnknownProjectException.class);
        assertThatThrownBy(() -> simulator.simulate(update(a.projectId(), Map.of("title", "x"), "permit select on documnt;")))
                .isInstanceOf(PolicySyntaxException.class).hasMessageContaining("unknown table 'documnt'");
    }
}
