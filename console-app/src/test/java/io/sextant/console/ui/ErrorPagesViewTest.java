package io.sextant.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import io.sextant.console.ConsoleTest;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The console's own pages for the states a first hour runs into — an address that is no screen, a
 * screen the role does not open, an unexpected failure — rendered without a browser against the
 * real console and database: inside the layout with its menu, saying what to do next, and every
 * refusal in the audit log.
 */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
class ErrorPagesViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "support-views", roles = "SUPPORT")
    void screenTheRoleDoesNotOpenSaysWhichRoleWouldInsideTheLayoutAndIsAudited() {
        long before = lastSeq();

        AccessDeniedView view = navigate("security/keys", AccessDeniedView.class);

        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("This screen needs another role")
                .contains("Signing keys (/security/keys) opens for the Security admin role.")
                .contains("You are signed in as support-views with the role Support.")
                .contains("ask a security admin").contains("recorded in the audit log");
        assertThat(view.getParent()).containsInstanceOf(MainLayout.class);
        assertThat(menu()).contains("Home", "Projects").doesNotContain("Signing keys", "Audit log");
        assertThat(refusals(before, "support-views")).containsExactly(Map.of("target_id", "/security/keys",
                "details", "{\"rule\": \"any of ROLE_SECURITY_ADMIN\"}"));
    }

    @Test
    @WithMockUser(username = "compliance-views", roles = "COMPLIANCE")
    void screenOfSeveralRolesNamesThemAll() {
        AccessDeniedView view = navigate("projects", AccessDeniedView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Projects (/projects) opens for the Operator or Support roles.")
                .contains("with the role Compliance.");
    }

    @Test
    @WithMockUser(username = "operator-views", roles = "OPERATOR")
    void addressThatIsNoScreenShowsTheConsolesNotFoundPageInsideTheLayoutAndIsNoRefusal() {
        long before = lastSeq();

        NotFoundView view = navigate("projects/x", NotFoundView.class);

        assertThat(view.getElement().getTextRecursively()).contains("Page not found").contains("There is no screen at /projects/x.")
                .contains("check the address for a typo").doesNotContain("Could not navigate");
        assertThat(view.getParent()).containsInstanceOf(MainLayout.class);
        assertThat(menu()).contains("Projects", "New tenant");
        assertThat(refusals(before, "operator-views")).isEmpty();
    }

    @Test
    @WithMockUser(username = "operator-views", roles = "OPERATOR")
    void screenThatNeedsAnIdGivenWithoutOneIsNotFound() {
        assertThat(navigate("project", NotFoundView.class).getElement().getTextRecursively()).contains("There is no screen at /project.");
    }

    @Test
    @WithMockUser(username = "operator-views", roles = "OPERATOR")
    void longAddressIsCutSoTheNotFoundPageCannotCarryAMessage() {
        String message = "x".repeat(60) + "-your-account-is-locked-call-the-number-below-to-unlock-it";
        String text = navigate(message, NotFoundView.class).getElement().getTextRecursively();
        assertThat(text).contains("/" + message.substring(0, NotFoundView.SHOWN_PATH - 1) + "…").doesNotContain("call-the-number");
    }

    @Test
    @WithMockUser(username = "operator-views", roles = "OPERATOR")
    void screenGivenAnIdThatIsNoneSaysWhereToFindItWithoutRepeatingTheAddress() {
        String project = navigate("project/Your-account-is-locked-call-support", Component.class).getElement().getTextRecursively();
        assertThat(project).contains("Project not found").contains("open the project from its list").doesNotContain("Your-account");
        String change = navigate("change/Your-account-is-locked-call-support", Component.class).getElement().getTextRecursively();
        assertThat(change).contains("Change not found").contains("open the change from its list").doesNotContain("Your-account");
    }

    @Test
    @WithMockUser(username = "operator-views", roles = "OPERATOR")
    void unexpectedFailureShowsItsErrorIdAndWhatToDoInsideTheLayout() {
        RouteConfiguration.forSessionScope().setRoute("test/broken", BrokenView.class);

        ErrorView view = navigate("test/broken", ErrorView.class);

        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Something went wrong").contains("What to do: reload the page").contains("send the error id")
                .doesNotContain("IllegalStateException").doesNotContain("a bug nobody expected");
        String errorId = view.getChildren().filter(c -> "error-id".equals(c.getId().orElse(null))).findFirst().orElseThrow()
                .getElement().getTextRecursively();
        assertThat(errorId).matches("Error id: [0-9a-f]{8}");
        assertThat(view.getParent()).containsInstanceOf(MainLayout.class);
    }

    @Test
    @WithMockUser(username = "operator-views", roles = "OPERATOR")
    void serviceRefusalWhileAScreenOpensIsShownAsARefusalNotAsAFailure() {
        RouteConfiguration.forSessionScope().setRoute("test/refused", RefusedView.class);

        String text = navigate("test/refused", ErrorView.class).getElement().getTextRecursively();

        assertThat(text).contains("Not allowed").contains("ask a security admin for the role").doesNotContain("Something went wrong");
    }

    /**
     * The screen disables what a role may not press (Support: "Save tests" says it needs Operator
     * or Security admin), but the service decides: a screen opened before the person's roles
     * changed still gets a refusal that says so, audited.
     */
    @Test
    @WithMockUser(username = "support-button", roles = "SUPPORT")
    void buttonWhoseServiceRefusesTheRoleSaysSoAndTheRefusalIsAudited() {
        String projectId = jdbc.queryForObject("select project_id::text from control_plane.project where status = 'active' "
                + "order by created_at limit 1", String.class);
        assertThat(navigate("policies/" + projectId, Component.class).getId()).hasValue("policies-view");
        assertThat($(Button.class).id("policy-tests-save").isEnabled()).as("disabled for Support, with the role it needs").isFalse();
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("support-button", null,
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        assertThat(navigate("policies/" + projectId, Component.class).getId()).hasValue("policies-view");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(authentication);
        long before = lastSeq();

        test($(Button.class).id("policy-tests-save")).click();

        assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).singleElement().asString()
                .startsWith("Not allowed: your roles do not permit this.").contains("recorded in the audit log");
        assertThat(jdbc.queryForList("select target_id from ledger.audit_event where seq > ? and actor = 'support-button' "
                + "and action = 'access.denied' and target_type = 'method' and outcome = 'refused'", String.class, before))
                .containsExactly("PolicyService.saveTestSuite");
    }

    private List<String> menu() {
        return $(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }

    long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);
    }

    List<Map<String, Object>> refusals(long seq, String actor) {
        return jdbc.queryForList("select target_id, details::text as details from ledger.audit_event where seq > ? and actor = ? "
                + "and action = 'access.denied' and target_type = 'screen' and outcome = 'refused' order by seq", seq, actor);
    }

    /** A screen that fails as it opens; registered for the test's session only, so no other test sees it. */
    @PermitAll
    static class BrokenView extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException("a bug nobody expected");
        }
    }

    /** A screen whose service refuses the operator as it opens. */
    @PermitAll
    static class RefusedView extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new AccessDeniedException("Access Denied");
        }
    }
}
