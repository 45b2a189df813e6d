package io.sextant.console.ui.policies;

import static io.sextant.console.ui.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.sextant.console.ConsoleTest;
import io.sextant.console.ui.FreshProject;
import io.sextant.console.ui.SignedIn;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.ProvisioningService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The least-privilege tab: a suggestion changes nothing, so every console role may ask for it
 * (its button no longer reads "Propose", which publishing needs a writer for); a project without a
 * published policy says there is nothing to narrow.
 */
@ConsoleTest
class LeastPrivilegeTabViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;
    @Autowired
    ProvisioningService provisioning;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(LeastPrivilegeTab.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private void open(UUID project) {
        UI.getCurrent().removeAll();
        UI.getCurrent().add(new LeastPrivilegeTab(policies, project));
    }

    @Test
    void everyRoleMayAskForASuggestionAndAProjectWithoutAPolicyHasNothingToNarrow() {
        as("operator", ConsoleRole.OPERATOR);
        UUID crm = projects.list(organizations.find("nimbus-crm").orElseThrow().id()).stream().filter(p -> p.slug().equals("crm-eu"))
                .findFirst().orElseThrow().id();
        UUID bare = FreshProject.provision(organizations, provisioning, "lp");
        for (ConsoleRole role : List.of(ConsoleRole.OPERATOR, ConsoleRole.SUPPORT, ConsoleRole.COMPLIANCE, ConsoleRole.SECURITY_ADMIN)) {
            as(role.name().toLowerCase(), role);
            open(crm);
            Button run = $(Button.class).id("lp-run");
            assertThat(run.getText()).isEqualTo("Suggest a narrower policy");
            assertThat(run.isEnabled()).as(role.label()).isTrue();
            test(run).click();
            assertThat($(Div.class).id("lp-preview").isVisible()).as(role.label() + " sees the preview").isTrue();

            open(bare);
            test($(Button.class).id("lp-run")).click();
            assertThat($(Paragraph.class).id("lp-empty").getText()).as(role.label()).contains("has no published policy to narrow");
        }
    }
}
