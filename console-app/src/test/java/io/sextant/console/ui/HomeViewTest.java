package io.sextant.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import io.sextant.console.ConsoleTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page for each role, rendered without a browser against the real console and database.
 * Each test works in a transaction that is rolled back: it first clears what needs attention (the
 * demo data's), so the empty states are real, then adds exactly what it shows. The audit card's
 * empty state shows only while nothing has verified the chain yet (runs are append-only).
 */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
@Transactional
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void nothingNeedsAttention() {
        jdbc.update("update ops.change_request set state = 'applied' where state in ('needs_approval', 'failed', 'checking', 'applying')");
        jdbc.update("update ops.alert set resolved_at = now() where resolved_at is null");
        // the runtime role only inserts checks: a newer compliant check is what clears a violation
        jdbc.update("insert into control_plane.residency_check (check_id, project_id, checked_at, actor, compliant, findings) "
                + "select gen_random_uuid(), project_id, now() - interval '1 minute', 'test', true, '{}' from control_plane.project");
    }

    @Test
    @WithMockUser(username = "home-operator", roles = "OPERATOR")
    void operatorWithNothingToDoSeesEachCardsEmptyStateWithWhatWouldShowUpAndWhereToAct() {
        HomeView home = navigate("", HomeView.class);

        assertThat(cards(home)).containsExactly("home-approvals", "home-failed", "home-residency", "audit-status", "home-alerts");
        assertThat(text(home, "home-approvals")).contains("Nothing waiting").contains("need your role to approve, show up here");
        assertThat(text(home, "home-failed")).contains("None").contains("held in checking or applying for too long");
        assertThat(text(home, "home-residency")).contains("None found").contains("outside its pinned region");
        // verification runs are append-only: another test of this JVM may have verified the chain before
        boolean verified = jdbc.queryForObject("select exists (select 1 from ledger.verification_run)", Boolean.class);
        assertThat(text(home, "audit-status")).contains(verified ? "events verified" : "Not verified yet")
                .containsAnyOf(verified ? "ago" : "Compliance staff and security admins verify it", verified ? "just now" : "Compliance staff and security admins verify it");
        assertThat(text(home, "home-alerts")).contains("No open alert").contains("arrive here with the operations features");
        assertThat(href(home, "home-approvals-action")).isEqualTo("changes");
        assertThat(href(home, "home-residency-action")).isEqualTo("projects");
        assertThat(find(home, "audit-status-action")).as("an operator cannot open the audit log").isEmpty();
        assertThat(text(home, "database-status")).contains("Healthy").contains("Schema at migration");
    }

    @Test
    @WithMockUser(username = "home-operator", roles = "OPERATOR")
    void operatorSeesChangesWaitingForTheirApprovalButNotTheirOwnNorSecurityOnesAndFailedOrStuckOnes() {
        change("home-theirs", "needs_approval", "someone-else", "OPERATOR", "now()");
        change("home-mine", "needs_approval", "home-operator", "OPERATOR", "now()");
        change("home-security", "needs_approval", "someone-else", "SECURITY_ADMIN", "now()");
        change("home-failed", "failed", "someone-else", "OPERATOR", "now() - interval '2 hours'");
        change("home-stuck", "applying", "someone-else", "OPERATOR", "now() - interval '3 hours'");
        change("home-running", "checking", "someone-else", "OPERATOR", "now()");

        HomeView home = navigate("", HomeView.class);

        assertThat(text(home, "home-approvals")).contains("1 waiting").contains("#1 in its queue · Change home-theirs").contains("by someone-else")
                .doesNotContain("home-mine").doesNotContain("home-security");
        assertThat(links(home, "home-approvals")).containsExactly("change/home-theirs");
        assertThat(text(home, "home-failed")).contains("2").contains("failed 2 h ago: it broke")
                .contains("stuck in applying since 3 h ago: release it on its page").doesNotContain("home-running");
        assertThat(links(home, "home-failed")).containsExactly("change/home-failed", "change/home-stuck");
    }

    @Test
    @WithMockUser(username = "home-secadmin", roles = "SECURITY_ADMIN")
    void securityAdminSeesSecurityApprovalsAndMaySayAndNMoreAndVerifyTheAuditLog() {
        for (int i = 0; i < 7; i++) {
            change("home-sec-" + i, "needs_approval", "someone-else", "SECURITY_ADMIN", "now() - interval '" + i + " minutes'");
        }
        jdbc.update("insert into ledger.verification_run (started_at, finished_at, actor, events_checked, intact) "
                + "values (now() - interval '3 days', now() - interval '3 days', 'auditor', 42, true)");

        HomeView home = navigate("", HomeView.class);

        assertThat(cards(home)).containsExactly("home-approvals", "home-failed", "audit-status", "home-alerts");
        assertThat(links(home, "home-approvals")).hasSize(HomeCards.PAGE).first().isEqualTo("change/home-sec-6");
        assertThat(text(home, "home-approvals-more")).isEqualTo("and 2 more on the change review screen");
        assertThat(text(home, "audit-status")).contains("Intact").contains("42 events verified 3 days ago").contains("more than a day ago");
        assertThat(href(home, "audit-status-action")).isEqualTo("audit");
    }

    @Test
    @WithMockUser(username = "home-support", roles = "SUPPORT")
    void supportSeesResidencyViolationsLinkedToTheProjectAndAlertsButNoChangeCards() {
        String project = violation();
        jdbc.update("insert into ops.alert (alert_id, source, subject_id, severity, message, raised_at) "
                + "values (gen_random_uuid(), 'changes', 'some-change', 'warning', 'index advisor could not run', now())");

        HomeView home = navigate("", HomeView.class);

        assertThat(cards(home)).containsExactly("home-residency", "audit-status", "home-alerts");
        assertThat(text(home, "home-residency")).contains("2 problems found").contains("pinned to");
        assertThat(links(home, "home-residency")).containsExactly("project/" + project);
        assertThat(text(home, "home-alerts")).contains("1 open").contains("warning: index advisor could not run");
        assertThat(links(home, "home-alerts")).as("support cannot open a change").isEmpty();
    }

    @Test
    @WithMockUser(username = "home-compliance", roles = "COMPLIANCE")
    void complianceSeesResidencyWithoutProjectLinksAndTheAuditLinkToVerify() {
        violation();

        HomeView home = navigate("", HomeView.class);

        assertThat(cards(home)).containsExactly("home-residency", "audit-status", "home-alerts");
        assertThat(links(home, "home-residency")).isEmpty();
        assertThat(text(home, "home-residency")).contains("2 problems found");
        assertThat(href(home, "audit-status-action")).isEqualTo("audit");
    }

    @Test
    @WithMockUser(username = "home-nobody", roles = "GUEST")
    void signedInWithoutAConsoleRoleSaysWhomToAskAndReadsNothingItMayNot() {
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);

        HomeView home = navigate("", HomeView.class);

        assertThat(text(home, "home-signed-in")).contains("without a console role: ask a security admin");
        assertThat(cards(home)).containsExactly("audit-status");
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and outcome = 'refused'", Long.class, before))
                .as("the page asks no service that would refuse").isZero();
    }

    private void change(String id, String state, String author, String role, String updatedAt) {
        jdbc.update("insert into ops.change_request (change_id, target_id, sequence, description, author, forward_sql, content_hash, "
                + "forward_checksum, state, required_role, state_reason, created_at, updated_at) values (?, ?, 1, ?, ?, 'select 1', 'h', 'c', ?, ?, "
                + "case when ? = 'failed' then 'it broke' end, now(), " + updatedAt + ")", id, "home-target-" + id, "Change " + id, author, state, role, state);
    }

    /** The latest check of an active project found two problems. */
    private String violation() {
        String project = jdbc.queryForObject("select project_id::text from control_plane.project where status = 'active' order by created_at limit 1",
                String.class);
        jdbc.update("insert into control_plane.residency_check (check_id, project_id, checked_at, actor, compliant, findings) "
                + "values (gen_random_uuid(), ?::uuid, now(), 'console', false, '{\"servers\": [], \"violations\": 2}')", project);
        return project;
    }

    private static List<String> cards(HomeView home) {
        return home.getChildren().filter(c -> "home-cards".equals(c.getId().orElse(null))).findFirst().orElseThrow()
                .getChildren().map(c -> c.getId().orElse("?")).toList();
    }

    private static Optional<Component> find(Component root, String id) {
        if (id.equals(root.getId().orElse(null))) {
            return Optional.of(root);
        }
        return root.getChildren().map(c -> find(c, id)).flatMap(Optional::stream).findFirst();
    }

    private static String text(Component root, String id) {
        return find(root, id).orElseThrow(() -> new AssertionError("no #" + id)).getElement().getTextRecursively();
    }

    private static String href(Component root, String id) {
        return ((Anchor) find(root, id).orElseThrow(() -> new AssertionError("no #" + id))).getHref();
    }

    /** The hrefs of a card's lines (not its action or "more" links). */
    private static List<String> links(Component root, String cardId) {
        return find(root, cardId).orElseThrow().getChildren().filter(c -> c.getClassNames().contains("sx-home-lines"))
                .flatMap(Component::getChildren).flatMap(Component::getChildren)
                .map(c -> c.getElement().getAttribute("href")).filter(java.util.Objects::nonNull).toList();
    }
}
