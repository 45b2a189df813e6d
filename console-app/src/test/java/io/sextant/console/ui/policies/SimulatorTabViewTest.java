package io.sextant.console.ui.policies;

import static io.sextant.console.ui.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.sextant.console.ConsoleTest;
import io.sextant.console.ui.SignedIn;
import io.sextant.console.ui.TenantNames;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicySimulator;
import io.sextant.platform.authz.RuleOutcome;
import io.sextant.platform.authz.Simulation;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The simulator tab, server-side: Run is offered to whoever may see the tenant's rows (D009) and
 * disabled with the role needed otherwise; a SELECT's row check says SELECT and "the row as it is"
 * and lists only the rules that cover SELECT.
 */
@ConsoleTest
class SimulatorTabViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;
    @Autowired
    PolicySimulator simulator;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(SimulatorTab.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }


    private List<PoliciesView.ProjectChoice> choices() {
        List<PoliciesView.ProjectChoice> all = new ArrayList<>();
        organizations.list().forEach(o -> projects.list(o.id()).forEach(p -> all.add(new PoliciesView.ProjectChoice(p, o.slug()))));
        return all;
    }

    private SimulatorTab open(String label) {
        List<PoliciesView.ProjectChoice> all = choices();
        PoliciesView.ProjectChoice target = all.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
        SimulatorTab tab = new SimulatorTab(simulator, policies, target, all, () -> "", TenantNames.load(organizations, projects));
        UI.getCurrent().removeAll();
        UI.getCurrent().add(tab);
        return tab;
    }

    private String whyNotRun() {
        var why = $(Span.class).withId("sim-run-why-not");
        return why.exists() ? why.single().getText() : "";
    }

    @Test
    void runIsOfferedToWhoeverMaySeeTheTenantsRowsAndOtherwiseSaysWhy() {
        record Seat(String user, ConsoleRole role, String project, String whyNot) {
        }
        for (Seat s : List.of(new Seat("operator", ConsoleRole.OPERATOR, "nimbus-crm/crm-eu", ""),
                new Seat("secadmin", ConsoleRole.SECURITY_ADMIN, "acme-health/patient-portal", ""),
                new Seat("support", ConsoleRole.SUPPORT, "nimbus-crm/crm-eu", ""),
                new Seat("support", ConsoleRole.SUPPORT, "acme-health/patient-portal", "This tenant holds health or payment data"),
                new Seat("compliance", ConsoleRole.COMPLIANCE, "nimbus-crm/crm-eu", "needs the Operator or Security admin role"))) {
            as(s.user(), s.role());
            open(s.project());
            assertThat($(Button.class).id("sim-run").isEnabled()).as(s.user() + " on " + s.project()).isEqualTo(s.whyNot().isEmpty());
            if (s.whyNot().isEmpty()) {
                assertThat(whyNotRun()).isEmpty();
            } else {
                assertThat(whyNotRun()).as(s.user() + " on " + s.project()).contains(s.whyNot());
            }
        }
    }

    @Test
    void aSelectsRowCheckSaysSelectOnTheRowAsItIs() {
        as("operator", ConsoleRole.OPERATOR);
        open("nimbus-crm/crm-eu");
        test($(Button.class).id("sim-run")).click();
        @SuppressWarnings("unchecked")
        Grid<Simulation.RowResult> rows = $(Grid.class).id("sim-rows");
        assertThat(test(rows).size()).as("the demo's starter documents").isPositive();
        test(rows).select(0);
        String check = $(H4.class).id("sim-check-1").getText();
        assertThat(check).startsWith("SELECT policies").contains("the row as it is").doesNotContain("would be").doesNotContain("UPDATE");
        assertThat($(H4.class).withId("sim-check-2").exists()).as("a SELECT has one check per row").isFalse();
        @SuppressWarnings("unchecked")
        Grid<RuleOutcome> rules = $(Grid.class).id("sim-rules-1");
        assertThat(rules.getListDataView().getItems().map(RuleOutcome::ruleName).toList()).as("only the rules covering SELECT")
                .isNotEmpty().doesNotContain("platform_tenant_update", "platform_tenant_insert", "platform_tenant_delete");
    }
}
