package io.sextant.console.ui.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import io.sextant.console.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** The projects list offers onboarding only to the role that may onboard (issue 10: Support saw "+ New tenant"). */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
class ProjectsViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "projects-support", roles = "SUPPORT")
    void supportSeesNoNewTenantButtonAndIsToldWhichRoleOnboards() {
        ProjectsView view = navigate("projects", ProjectsView.class);

        assertThat($(Button.class).all()).noneMatch(b -> "new-tenant".equals(b.getId().orElse(null)));
        assertThat(view.getElement().getTextRecursively()).contains("Onboarding and lifecycle changes need the Operator role")
                .doesNotContain("New tenant");
    }

    @Test
    @WithMockUser(username = "projects-operator", roles = "OPERATOR")
    void operatorGetsTheNewTenantButton() {
        navigate("projects", ProjectsView.class);

        assertThat($(Button.class).id("new-tenant").getText()).isEqualTo("New tenant");
        assertThat($(io.sextant.frontend.EChart.class).id("projects-by-region-chart")).as("moved from the home page").isNotNull();
    }
}
