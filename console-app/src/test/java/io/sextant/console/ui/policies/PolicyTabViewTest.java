package io.sextant.console.ui.policies;

import static io.sextant.console.ui.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.sextant.console.ConsoleTest;
import io.sextant.console.ui.FreshProject;
import io.sextant.console.ui.SignedIn;
import io.sextant.platform.authz.PolicyApprovals;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicyVersion;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProvisioningService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Policy tab, server-side, on a project of its own: each role sees the buttons it may press,
 * and the others disabled with the role they need; one save gives one notification; a version of
 * API rules only is proposed and published by a security admin who did not write it, and a stale
 * screen's approval is refused with the reason.
 */
@ConsoleTest
class PolicyTabViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;
    @Autowired
    PolicyApprovals approvals;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(PolicyTab.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }


    private UUID newProject() {
        as("operator", ConsoleRole.OPERATOR);
        return FreshProject.provision(organizations, provisioning, "pt");
    }

    private PolicyTab open(UUID project) {
        PolicyTab tab = new PolicyTab(policies, approvals, project);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(tab);
        return tab;
    }

    private String whyNot(String buttonId) {
        // the reason is shown only while the button is disabled (queries find visible components only)
        var why = $(Span.class).withId(buttonId + "-why-not");
        return why.exists() ? why.single().getText() : "";
    }

    private int notifications() {
        return $(Notification.class).all().size();
    }

    private static String apiOnly() {
        return "rule view_reports: permit reports.view on project when principal.role in [\"member\", \"" + UUID.randomUUID() + "\"];";
    }

    @Test
    void eachRoleSeesWhatItMayPressAndTheOthersDisabledWithTheRoleTheyNeed() {
        UUID project = newProject();
        record Seat(String user, ConsoleRole role, boolean writes) {
        }
        for (Seat s : List.of(new Seat("operator", ConsoleRole.OPERATOR, true), new Seat("secadmin", ConsoleRole.SECURITY_ADMIN, true),
                new Seat("support", ConsoleRole.SUPPORT, false), new Seat("compliance", ConsoleRole.COMPLIANCE, false))) {
            as(s.user(), s.role());
            open(project);
            assertThat($(Paragraph.class).id("published-empty").getText()).as("empty state").contains("No published policy yet");
            for (String id : List.of("policy-save", "policy-tests-save", "policy-propose")) {
                assertThat($(Button.class).id(id).isEnabled()).as(s.user() + " " + id).isEqualTo(s.writes());
                if (s.writes()) {
                    assertThat(whyNot(id)).as(s.user() + " " + id).isEmpty();
                } else {
                    assertThat(whyNot(id)).as(s.user() + " " + id).endsWith("needs the Operator or Security admin role");
                }
            }
            assertThat($(Button.class).id("policy-check").isEnabled()).as("everyone checks a draft").isTrue();
            assertThat($(Button.class).id("policy-tests-run").isEnabled()).as("everyone runs the tests").isTrue();
            assertThat($(Button.class).id("policy-approve").isEnabled()).isFalse();
            assertThat(whyNot("policy-approve")).as(s.user()).isEqualTo(s.role() == ConsoleRole.SECURITY_ADMIN
                    ? "Select a version that awaits a security admin" : "Approving a policy needs the Security admin role");
        }
    }

    @Test
    void savingTwiceGivesOneNotificationAndSaysSoBesideTheButton() {
        UUID project = newProject();
        as("operator", ConsoleRole.OPERATOR);
        open(project);
        test($(TextArea.class).id("policy-draft")).setValue(apiOnly());
        int before = notifications();
        test($(Button.class).id("policy-save")).click();
        test($(Button.class).id("policy-save")).click();
        assertThat(notifications() - before).as("a double click saves one version and says so once").isEqualTo(1);
        assertThat($(Span.class).id("policy-save-result").getText()).startsWith("Unchanged since it was saved as version");
        assertThat(policies.versions(project)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'authz.policy.draft' and target_id = ?",
                Long.class, project.toString())).isEqualTo(1);
        // an edit is a new version: one more notification
        test($(TextArea.class).id("policy-draft")).setValue(apiOnly());
        test($(Button.class).id("policy-save")).click();
        assertThat(notifications() - before).isEqualTo(2);
        assertThat($(Span.class).id("policy-save-result").getText()).startsWith("Saved draft");
    }

    @Test
    void anApiOnlyVersionIsProposedAndPublishedByAnotherSecurityAdmin() {
        UUID project = newProject();
        as("operator", ConsoleRole.OPERATOR);
        open(project);
        test($(TextArea.class).id("policy-draft")).setValue(apiOnly());
        test($(Button.class).id("policy-save")).click();
        @SuppressWarnings("unchecked")
        Grid<PolicyVersion> versions = $(Grid.class).id("policy-versions");
        test(versions).select(0);
        test($(Button.class).id("policy-propose")).click();
        assertThat($(Span.class).id("policy-proposed-for-approval").getText()).contains("no row-level security").contains("security admin");
        assertThat(test(versions).getCellText(0, 4)).isEqualTo("none: API rules only");
        assertThat($(Button.class).id("policy-propose").isEnabled()).as("proposed: not again").isFalse();

        // the author, even as a security admin, may not approve; the screen says why
        as("operator", ConsoleRole.OPERATOR, ConsoleRole.SECURITY_ADMIN);
        open(project);
        versions = $(Grid.class).id("policy-versions");
        test(versions).select(0);
        assertThat($(Button.class).id("policy-approve").isEnabled()).isFalse();
        assertThat(whyNot("policy-approve")).isEqualTo("You wrote this version: another security admin approves it");

        as("secadmin", ConsoleRole.SECURITY_ADMIN);
        open(project);
        versions = $(Grid.class).id("policy-versions");
        test(versions).select(0);
        assertThat($(Button.class).id("policy-approve").isEnabled()).isTrue();
        test($(Button.class).id("policy-approve")).click();
        assertThat($(Span.class).id("policy-approval-result").getText()).startsWith("Published version");
        assertThat($(Span.class).id("published-version").getText()).contains("secadmin (security admin approval)");
        assertThat(policies.published(project)).isPresent();
    }

    @Test
    void aStaleScreensApprovalIsRefusedWithTheReasonAndChangesNothing() {
        UUID project = newProject();
        as("operator", ConsoleRole.OPERATOR);
        PolicyVersion v = policies.saveDraft(project, apiOnly(), null);
        policies.propose(project, v.versionHash());
        as("secadmin", ConsoleRole.SECURITY_ADMIN);
        open(project);
        @SuppressWarnings("unchecked")
        Grid<PolicyVersion> versions = $(Grid.class).id("policy-versions");
        test(versions).select(0);
        as("other-secadmin", ConsoleRole.SECURITY_ADMIN);
        approvals.approve(project, v.versionHash());
        as("secadmin", ConsoleRole.SECURITY_ADMIN);
        int before = notifications();
        test($(Button.class).id("policy-approve")).click();
        assertThat(notifications() - before).isEqualTo(1);
        assertThat(test($(Notification.class).all().getLast()).getText()).contains("is published");
        assertThat($(Span.class).withId("policy-approval-result").exists()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'authz.policy.approve' and outcome = 'refused' "
                + "and actor = 'secadmin' and target_id = ?", Long.class, project.toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'authz.policy.publish' and target_id = ?",
                Long.class, project.toString())).isEqualTo(1);
    }
}
