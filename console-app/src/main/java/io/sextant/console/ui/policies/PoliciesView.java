package io.sextant.console.ui.policies;

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
import io.sextant.console.ui.TenantNames;
import io.sextant.platform.authz.PolicyApprovals;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicySimulator;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A project's authorization policies: edit and check a draft against the platform rules, simulate
 * any principal on the real rows, look up and explain recorded decisions, and narrow a policy to
 * what was used. The project in the URL ({@code /policies/<project id>}) is the selection.
 */
@Route("policies")
@PageTitle("Policies · Sextant")
@Menu(order = 25, icon = "vaadin:shield", title = "Policies")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SUPPORT_NAME, ConsoleRole.SECURITY_ADMIN_NAME, ConsoleRole.COMPLIANCE_NAME})
class PoliciesView extends VerticalLayout implements HasUrlParameter<String> {

    /** A project with its organisation's slug, for labels such as {@code nimbus-crm/crm-eu}. */
    record ProjectChoice(Project project, String org) {
        String label() {
            return org + "/" + project.slug();
        }
    }

    private final PolicyService policies;
    private final PolicySimulator simulator;
    private final PolicyApprovals approvals;
    private final OrganizationService organizations;
    private final ProjectService projects;
    private final List<ProjectChoice> choices = new ArrayList<>();
    private final Select<ProjectChoice> picker = new Select<>();
    private final VerticalLayout body = new VerticalLayout();

    PoliciesView(PolicyService policies, PolicySimulator simulator, PolicyApprovals approvals, OrganizationService organizations,
            ProjectService projects) {
        this.approvals = approvals;
        this.organizations = organizations;
        this.projects = projects;
        this.policies = policies;
        this.simulator = simulator;
        setId("policies-view");
        organizations.list().forEach(o -> projects.list(o.id()).forEach(p -> choices.add(new ProjectChoice(p, o.slug()))));
        choices.sort(Comparator.comparing(ProjectChoice::label));
        picker.setId("policy-project");
        picker.setLabel("Project");
        picker.setItems(choices);
        picker.setItemLabelGenerator(c -> c.label() + " · " + c.project().region() + " · " + c.project().isolation().dbValue());
        picker.setPlaceholder("Choose a project");
        picker.setWidth("28rem");
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(PoliciesView.class, e.getValue().project().id().toString()));
            }
        });
        HorizontalLayout head = new HorizontalLayout(new H1("Policies"), picker);
        head.setAlignItems(Alignment.BASELINE);
        head.setSpacing(true);
        body.setPadding(false);
        body.setWidthFull();
        add(head, new Paragraph("Who may read and change which rows of a tenant: the platform's rules, the project's own policy, "
                + "what they decide on the real rows and why."), body);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String projectId) {
        body.removeAll();
        ProjectChoice chosen = null;
        if (projectId != null) {
            chosen = choices.stream().filter(c -> c.project().id().toString().equals(projectId)).findFirst().orElse(null);
            if (chosen == null) {
                // the address's text is not repeated: a crafted link must not put words on a console page
                body.add(PolicyUi.empty("policy-no-project", "This address names no project — choose one above."));
            }
        }
        picker.setValue(chosen);
        if (chosen == null) {
            if (projectId == null) {
                body.add(PolicyUi.empty("policy-no-project", "Choose a project to see its policies."));
            }
            return;
        }
        UUID id = chosen.project().id();
        TenantNames names = TenantNames.load(organizations, projects).with(io.sextant.platform.authz.PolicyTestSuite.OTHER_TENANT, "another tenant");
        PolicyTab policy = new PolicyTab(policies, approvals, id);
        TabSheet tabs = new TabSheet();
        tabs.setId("policy-tabs");
        tabs.setWidthFull();
        tabs.add("Policy", policy).setId("tab-policy");
        tabs.add("Simulator", new SimulatorTab(simulator, policies, chosen, choices, policy::draft, names)).setId("tab-simulator");
        tabs.add("Decisions", new DecisionsTab(policies, id, names)).setId("tab-decisions");
        tabs.add("Least privilege", new LeastPrivilegeTab(policies, id)).setId("tab-least-privilege");
        body.add(tabs);
    }
}
