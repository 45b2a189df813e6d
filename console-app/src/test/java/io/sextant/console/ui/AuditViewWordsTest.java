package io.sextant.console.ui;

import static io.sextant.console.ui.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ConsoleTest;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log names tenants: a project's event reads "project nimbus-crm/crm-eu", never its bare id. */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
class AuditViewWordsTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;

    @AfterEach
    void signOut() {
        SignedIn.out();
    }


    @Test
    void aProjectsEventNamesTheTenant() {
        as("operator", ConsoleRole.OPERATOR);
        UUID crm = projects.list(organizations.find("nimbus-crm").orElseThrow().id()).stream().filter(p -> p.slug().equals("crm-eu"))
                .findFirst().orElseThrow().id();
        String actor = "words-" + UUID.randomUUID().toString().substring(0, 8);
        as(actor, ConsoleRole.OPERATOR);
        policies.saveDraft(crm, "rule words: permit probe.run on project when principal.role == \"" + UUID.randomUUID() + "\";", null);

        as("compliance", ConsoleRole.COMPLIANCE);
        navigate(AuditView.class);
        test($(TextField.class).id("filter-actor")).setValue(actor);
        test($(Button.class).id("apply-filter")).click();
        @SuppressWarnings("unchecked")
        Grid<AuditEventView> grid = $(Grid.class).id("audit-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        String target = test(grid).getCellText(0, 4);
        assertThat(target).isEqualTo("project nimbus-crm/crm-eu").doesNotContain(crm.toString());
        // Target and details wrap rather than being cut off at the column's edge.
        assertThat(grid.getThemeNames()).contains("wrap-cell-content");
    }
}
