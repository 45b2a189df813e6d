package io.sextant.console.ui.risk;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.risk.RiskModelService;
import io.sextant.platform.risk.RiskScoreService;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A project's risk scores: the model (editor with positioned errors, versions and their review),
 * a form to score a request, recent scores with "why risky" and the distribution of scores. The
 * project in the URL ({@code /risk-scores/<project id>}) is the selection.
 */
@Route("risk-scores")
@PageTitle("Risk scores · Sextant")
@Menu(order = 27, icon = "vaadin:chart", title = "Risk scores")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SUPPORT_NAME, ConsoleRole.SECURITY_ADMIN_NAME, ConsoleRole.COMPLIANCE_NAME})
class RiskScoresView extends VerticalLayout implements HasUrlParameter<String> {

    record ProjectChoice(Project project, String org) {
        String label() {
            return org + "/" + project.slug();
        }
    }

    private final RiskModelService models;
    private final RiskScoreService scores;
    private final List<ProjectChoice> choices = new ArrayList<>();
    private final Select<ProjectChoice> picker = new Select<>();
    private final VerticalLayout body = new VerticalLayout();

    RiskScoresView(RiskModelService models, RiskScoreService scores, OrganizationService organizations, ProjectService projects) {
        this.models = models;
        this.scores = scores;
        setId("risk-scores-view");
        organizations.list().forEach(o -> projects.list(o.id()).forEach(p -> choices.add(new ProjectChoice(p, o.slug()))));
        choices.sort(Comparator.comparing(ProjectChoice::label));
        picker.setId("risk-project");
        picker.setLabel("Project");
        picker.setItems(choices);
        picker.setItemLabelGenerator(ProjectChoice::label);
        picker.setPlaceholder("Choose a project");
        picker.setWidth("24rem");
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(RiskScoresView.class, e.getValue().project().id().toString()));
            }
        });
        HorizontalLayout head = new HorizontalLayout(new H1("Risk scores"), picker);
        head.setAlignItems(Alignment.BASELINE);
        body.setPadding(false);
        body.setWidthFull();
        add(head, new Paragraph("How risky each request of a tenant was, under a versioned model whose every score can be explained "
                + "feature by feature. The fast prefilter skips the history when a request cannot reach the threshold."), body);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String projectId) {
        body.removeAll();
        ProjectChoice chosen = projectId == null ? null
                : choices.stream().filter(c -> c.project().id().toString().equals(projectId)).findFirst().orElse(null);
        picker.setValue(chosen);
        if (chosen == null) {
            body.add(RiskUi.empty("risk-no-project", projectId == null ? "Choose a project to see its risk scores."
                    : "No project " + projectId + " — choose one above."));
            return;
        }
        TabSheet tabs = new TabSheet();
        tabs.setId("risk-tabs");
        tabs.setWidthFull();
        tabs.add("Scores", new ScoresPanel(scores, models, chosen.project().id())).setId("tab-risk-scores");
        tabs.add("Model", new ModelPanel(models, chosen.project().id())).setId("tab-risk-model");
        body.add(tabs);
    }
}
