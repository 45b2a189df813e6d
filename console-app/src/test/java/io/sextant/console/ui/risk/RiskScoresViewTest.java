package io.sextant.console.ui.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ConsoleTest;
import io.sextant.frontend.EChart;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Risk scores screen, server-side, on the demo data (nimbus-crm/crm-eu has the demo model and a
 * scored stream; acme-health/patient-portal holds health data and has no model): each role's view,
 * the empty states, a model text with a positioned error, bad input in the score form, a refusal.
 */
@ConsoleTest
class RiskScoresViewTest extends SpringBrowserlessTest {

    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;
    @Autowired
    io.sextant.platform.risk.RiskModelService models;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(RiskScoresView.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String user, ConsoleRole... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles).map(ConsoleRole::authority).toArray(String[]::new))));
    }

    private UUID project(String org, String slug) {
        as("operator", ConsoleRole.OPERATOR);
        return projects.list(organizations.find(org).orElseThrow().id()).stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow().id();
    }

    private String text(String id) {
        return $(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void withoutAProjectItAsksForOneAndAnUnknownIdIsSaidSo() {
        as("operator", ConsoleRole.OPERATOR);
        navigate(RiskScoresView.class);
        assertThat(text("risk-no-project")).isEqualTo("Choose a project to see its risk scores.");
        navigate(RiskScoresView.class, UUID.randomUUID().toString());
        assertThat(text("risk-no-project")).startsWith("No project ").endsWith("choose one above.");
    }

    @Test
    void anOperatorScoresARequestAndSeesWhyRiskyAndBadInputKeepsTheForm() {
        UUID crm = project("nimbus-crm", "crm-eu");
        navigate(RiskScoresView.class, crm.toString());
        assertThat(text("risk-published")).contains("threshold 60").contains("approved by system:demo-approver");
        assertThat($(Grid.class).id("risk-recent").getGenericDataView().getItems().count()).isEqualTo(100);
        assertThat($(EChart.class).id("risk-distribution-chart")).isNotNull();

        test($(TextField.class).id("risk-principal")).setValue("user-3");
        test($(TextField.class).id("risk-amount")).setValue("lots");
        test($(Button.class).id("risk-score-run")).click();
        assertThat(test($(Notification.class).last()).getText()).contains("Amount must be a number such as 42.50");
        assertThat($(TextField.class).id("risk-principal").getValue()).isEqualTo("user-3");
        assertThat(text("risk-score-result")).isEmpty();

        test($(TextField.class).id("risk-amount")).setValue("25000");
        test($(TextField.class).id("risk-device")).setValue("a-new-device-" + UUID.randomUUID());
        test($(Button.class).id("risk-score-run")).click();
        String shown = text("risk-score-result");
        assertThat(shown).contains("user-3 · payment").contains("(threshold 60)").contains("Why risky")
                .contains("amount: amount 25000").contains("a device not seen before for this principal").contains("read requests [");
    }

    @Test
    void aModelThatDoesNotCompileIsShownWithItsLineAndColumn() {
        UUID crm = project("nimbus-crm", "crm-eu");
        navigate(RiskScoresView.class, crm.toString());
        $(TabSheet.class).id("risk-tabs").setSelectedIndex(1);
        test($(TextArea.class).id("risk-model-editor")).setValue("threshold 60;\nfeature amount_vs_usal weight 10;\n");
        test($(Button.class).id("risk-model-check")).click();
        assertThat($(Span.class).id("risk-model-check-result").getText()).startsWith("Line 2, column 9: unknown feature amount_vs_usal");
        assertThat($(Grid.class).id("risk-model-versions").getGenericDataView().getItems().count()).isPositive();
        assertThat($(Button.class).withId("risk-model-approve").exists()).as("an operator does not approve").isFalse();
        test($(Button.class).id("risk-model-save")).click();
        assertThat(test($(Notification.class).last()).getText()).startsWith("Line 2, column 9");
    }

    @Test
    void eachRoleSeesWhatItMay() {
        UUID crm = project("nimbus-crm", "crm-eu");
        UUID portal = project("acme-health", "patient-portal");

        as("secadmin", ConsoleRole.SECURITY_ADMIN);
        navigate(RiskScoresView.class, crm.toString());
        assertThat($(Button.class).withId("risk-score-run").exists()).isTrue();
        $(TabSheet.class).id("risk-tabs").setSelectedIndex(1);
        assertThat($(Button.class).withId("risk-model-approve").exists()).isTrue();

        as("support", ConsoleRole.SUPPORT);
        navigate(RiskScoresView.class, crm.toString());
        assertThat($(Grid.class).withId("risk-recent").exists()).isTrue();
        assertThat($(Button.class).withId("risk-score-run").exists()).as("support reads, does not score").isFalse();
        assertThat($(Paragraph.class).withId("risk-masked").exists()).isFalse();
        navigate(RiskScoresView.class, portal.toString());
        assertThat(text("risk-refused")).contains("Not allowed").contains("regulated data");

        as("compliance", ConsoleRole.COMPLIANCE);
        navigate(RiskScoresView.class, crm.toString());
        assertThat(text("risk-masked")).contains("hidden (•••)");
        assertThat($(Button.class).withId("risk-score-run").exists()).isFalse();
        test($(Grid.class).id("risk-recent")).select(0);
        assertThat(text("risk-detail")).contains("Why risky").doesNotContain("amount 1").contains("•••");

        as("operator", ConsoleRole.OPERATOR);
        navigate(RiskScoresView.class, portal.toString());
        assertThat(text("risk-no-model")).startsWith("No published risk model yet");
        assertThat(text("risk-recent-empty")).isEqualTo("No scores yet.");
        assertThat($(Div.class).withId("risk-detail").exists()).isFalse();
    }

    @Test
    void aSecurityAdminApprovesWhatTheyReviewedAndIsToldWhenSomeoneElsePublishedMeanwhile() {
        UUID us = project("nimbus-crm", "crm-us");
        String first = "threshold 50;\nfeature new_device weight 50 when value == 1; // " + UUID.randomUUID() + "\n";
        String second = "threshold 40;\nfeature new_device weight 40 when value == 1; // " + UUID.randomUUID() + "\n";
        var a = models.saveDraft(us, first);
        models.propose(us, a.versionHash());
        var b = models.saveDraft(us, second);
        models.propose(us, b.versionHash());

        as("secadmin", ConsoleRole.SECURITY_ADMIN);
        navigate(RiskScoresView.class, us.toString());
        $(TabSheet.class).id("risk-tabs").setSelectedIndex(1);
        Grid<?> grid = $(Grid.class).id("risk-model-versions");
        int publication = models.publicationVersion(us);
        // another security admin publishes the first version while this one is looking at the list
        as("sue", ConsoleRole.SECURITY_ADMIN);
        models.approve(us, a.versionHash(), publication);
        as("secadmin", ConsoleRole.SECURITY_ADMIN);
        int row = indexOf(grid, b.versionHash());
        test(grid).select(row);
        test($(Button.class).id("risk-model-approve")).click();
        assertThat(test($(Notification.class).last()).getText()).contains("changed by someone else");
        assertThat(models.published(us).orElseThrow().versionHash()).isEqualTo(a.versionHash());

        navigate(RiskScoresView.class, us.toString());
        $(TabSheet.class).id("risk-tabs").setSelectedIndex(1);
        grid = $(Grid.class).id("risk-model-versions");
        test(grid).select(indexOf(grid, b.versionHash()));
        test($(Button.class).id("risk-model-approve")).click();
        assertThat(models.published(us).orElseThrow().versionHash()).isEqualTo(b.versionHash());
    }

    private static int indexOf(Grid<?> grid, String hash) {
        List<?> items = grid.getGenericDataView().getItems().toList();
        for (int i = 0; i < items.size(); i++) {
            if (((io.sextant.platform.risk.RiskModelVersion) items.get(i)).versionHash().equals(hash)) {
                return i;
            }
        }
        throw new AssertionError("no version " + hash);
    }
}
