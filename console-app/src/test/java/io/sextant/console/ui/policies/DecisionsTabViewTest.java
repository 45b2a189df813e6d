package io.sextant.console.ui.policies;

import static io.sextant.console.ui.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.select.Select;
import io.sextant.console.ConsoleTest;
import io.sextant.console.ui.SignedIn;
import io.sextant.console.ui.TenantNames;
import io.sextant.platform.authz.CompiledPolicy;
import io.sextant.platform.authz.DecisionRequest;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.Principal;
import io.sextant.platform.authz.RequestContext;
import io.sextant.platform.authz.TraceKind;
import io.sextant.platform.authz.TraceStore;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Decisions tab, server-side, as each console role: a value planted in a health tenant's row
 * (a what-if simulation of a draft rule that reads the row, as the simulator records it) shows in
 * the explanation only to the roles that may see that tenant's rows; the others see it masked and
 * are told why.
 */
@ConsoleTest
class DecisionsTabViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;
    @Autowired
    TraceStore traces;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(DecisionsTab.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }


    @Test
    void theExplanationShowsAHealthTenantsRowValueOnlyToRolesThatMaySeeItsRows() {
        as("operator", ConsoleRole.OPERATOR);
        UUID portal = projects.list(organizations.find("acme-health").orElseThrow().id()).stream()
                .filter(p -> p.slug().equals("patient-portal")).findFirst().orElseThrow().id();
        String planted = "planted-" + UUID.randomUUID();
        CompiledPolicy whatIf = policies.effective(portal, "rule approved_only: permit select on document when resource.title == \"approved\";");
        DecisionTrace t = whatIf.trace(new DecisionRequest("view-test", new Principal("u1", "member", portal, Map.of()), "select", "document",
                Map.of("title", planted), RequestContext.at(Instant.now())), UUID.randomUUID(), TraceKind.SIMULATION, portal, Instant.now());
        traces.record(t).join();

        record Reader(String user, ConsoleRole role, boolean allowed) {
        }
        for (Reader r : List.of(new Reader("operator", ConsoleRole.OPERATOR, true), new Reader("support", ConsoleRole.SUPPORT, false),
                new Reader("compliance", ConsoleRole.COMPLIANCE, false), new Reader("secadmin", ConsoleRole.SECURITY_ADMIN, true))) {
            as(r.user(), r.role());
            DecisionsTab tab = new DecisionsTab(policies, portal, TenantNames.load(organizations, projects));
            UI.getCurrent().add(tab);
            long before = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);
            try {
                // live decisions are the default; the planted one is a simulation
                test($(Select.class).id("decisions-kind")).selectItem("Simulated");
                assertThat($(Paragraph.class).withId("decisions-masked").exists()).as(r.user() + " is told row values are hidden")
                        .isEqualTo(!r.allowed());
                test($(TextField.class).id("explain-id")).setValue(t.decisionId().toString());
                test($(Button.class).id("explain-run")).click();
                String shown = $(Div.class).id("decisions-explanation").getElement().getTextRecursively();
                assertThat(shown).as(r.user()).contains("approved_only").contains("resource.title");
                assertThat(shown.contains(planted)).as(r.user() + " sees the planted value: " + shown).isEqualTo(r.allowed());
                assertThat($(Paragraph.class).withId("explanation-inputs").exists()).isEqualTo(!r.allowed());
                assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and action = 'authz.trace.inputs.read' "
                        + "and actor = ?", Long.class, before, r.user())).as("recent decisions and the explanation, audited")
                        .isEqualTo(r.allowed() ? 2L : 0L);
            } finally {
                UI.getCurrent().remove(tab);
            }
        }
    }

    /** Series name → [stack, total count] of the Decisions chart. */
    private Map<String, List<Object>> chart() {
        var option = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree($(io.sextant.frontend.EChart.class).id("decisions-chart").getElement().getProperty("option"));
        Map<String, List<Object>> out = new java.util.LinkedHashMap<>();
        option.get("series").forEach(series -> {
            int total = 0;
            for (var v : series.get("data")) {
                total += v.asInt();
            }
            out.put(series.get("name").asString(), List.of(series.get("stack").asString(), total));
        });
        return out;
    }

    @Test
    void replayedDecisionsAreKeptApartFromLiveOnesLiveFirst() {
        as("operator", ConsoleRole.OPERATOR);
        UUID crm = projects.list(organizations.find("nimbus-crm").orElseThrow().id()).stream()
                .filter(p -> p.slug().equals("crm-eu")).findFirst().orElseThrow().id();
        CompiledPolicy policy = policies.effective(crm, null);
        Instant now = Instant.now();
        traces.recordAll(java.util.stream.IntStream.range(0, 3).mapToObj(i -> policy.trace(new DecisionRequest(null,
                new Principal("u" + i, "member", crm, Map.of()), "reports.view", "project", Map.of(), RequestContext.at(now)),
                UUID.randomUUID(), TraceKind.REPLAY, crm, now).withRequestId("replayed-" + i)).toList());

        DecisionsTab tab = new DecisionsTab(policies, crm, TenantNames.load(organizations, projects));
        UI.getCurrent().add(tab);
        try {
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.grid.Grid<io.sextant.platform.authz.RecordedTrace> grid = $(com.vaadin.flow.component.grid.Grid.class)
                    .id("decisions-grid");
            List<io.sextant.platform.authz.RecordedTrace> shown = grid.getListDataView().getItems().toList();
            assertThat(shown).as("the demo's live decisions").isNotEmpty().allSatisfy(r -> assertThat(r.trace().kind()).isEqualTo(TraceKind.LIVE));
            Map<String, List<Object>> live = chart();
            assertThat(live.keySet()).containsExactly("live allow", "live deny");
            assertThat((int) live.get("live allow").get(1) + (int) live.get("live deny").get(1)).isEqualTo(shown.size());

            test($(Select.class).id("decisions-kind")).selectItem("All kinds, live apart");
            Map<String, List<Object>> all = chart();
            assertThat(all.keySet()).containsExactly("live allow", "live deny", "simulated", "replayed");
            assertThat(all.get("live allow").get(0)).isEqualTo("live");
            assertThat(all.get("live deny").get(0)).isEqualTo("live");
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.grid.Grid<io.sextant.platform.authz.RecordedTrace> allGrid = $(com.vaadin.flow.component.grid.Grid.class)
                    .id("decisions-grid");
            long liveListed = allGrid.getListDataView().getItems().filter(r -> r.trace().kind() == TraceKind.LIVE).count();
            assertThat((long) ((int) all.get("live allow").get(1) + (int) all.get("live deny").get(1))).as("replays never counted as live")
                    .isEqualTo(liveListed);
            assertThat(all.get("replayed").get(0)).as("a bar of its own, beside the live one").isEqualTo("not live");
            assertThat((int) all.get("replayed").get(1)).isGreaterThanOrEqualTo(3);
        } finally {
            UI.getCurrent().remove(tab);
        }
    }

    @Autowired
    io.sextant.platform.tenancy.ProvisioningService provisioning;

    @Test
    void aProjectWithoutLiveDecisionsSaysWhereTheOthersAre() {
        as("operator", ConsoleRole.OPERATOR);
        UUID project = io.sextant.console.ui.FreshProject.provision(organizations, provisioning, "dt");
        as("support", ConsoleRole.SUPPORT);
        DecisionsTab tab = new DecisionsTab(policies, project, TenantNames.load(organizations, projects));
        UI.getCurrent().add(tab);
        try {
            assertThat($(Paragraph.class).id("decisions-empty").getText())
                    .isEqualTo("No live decisions recorded in this window. Simulated and replayed ones are under Kind.");
            assertThat($(Button.class).id("explain-run").isEnabled()).as("every role may explain").isTrue();
            test($(Select.class).id("decisions-kind")).selectItem("Replayed");
            assertThat($(Paragraph.class).id("decisions-empty").getText()).isEqualTo("No decisions of this kind recorded in this window.");
        } finally {
            UI.getCurrent().remove(tab);
        }
    }
}
