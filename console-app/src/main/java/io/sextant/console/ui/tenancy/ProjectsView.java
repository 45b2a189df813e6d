package io.sextant.console.ui.tenancy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.console.ui.ChartOptions;
import io.sextant.frontend.EChart;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every tenant (project) of every organisation, with where it lives and how it is isolated. */
@Route("projects")
@PageTitle("Projects · Sextant")
@Menu(order = 10, icon = "vaadin:cluster", title = "Projects")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SUPPORT_NAME})
class ProjectsView extends VerticalLayout {

    ProjectsView(OrganizationService organizations, ProjectService projects) {
        setId("projects-view");
        List<Organization> orgs = organizations.list();
        Map<java.util.UUID, Organization> byId = orgs.stream().collect(Collectors.toMap(Organization::id, o -> o));
        List<Project> all = new ArrayList<>();
        orgs.forEach(o -> all.addAll(projects.list(o.id())));

        // onboarding opens for operators only: other roles get no button that leads to a refusal
        boolean mayOnboard = CurrentRoles.has(ConsoleRole.OPERATOR);
        HorizontalLayout head = new HorizontalLayout(new H1("Projects"));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayOnboard) {
            Button onboard = new Button("New tenant", VaadinIcon.PLUS.create(), e -> getUI().ifPresent(ui -> ui.navigate("onboarding")));
            onboard.setId("new-tenant");
            onboard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(onboard);
        }
        add(head);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(mayOnboard ? "No tenant exists yet. Start with “New tenant”: answer a few questions about what the "
                    + "tenant is building and Sextant derives its plan, region, isolation and policies."
                    : "No tenant exists yet. Operators onboard tenants with “New tenant”; they show up here.");
            none.setId("projects-empty");
            add(none);
            return;
        }
        Grid<Project> grid = new Grid<>();
        grid.setId("projects-grid");
        grid.addColumn(p -> byId.get(p.orgId()).name()).setHeader("Organisation").setAutoWidth(true).setSortable(true);
        grid.addColumn(Project::name).setHeader("Project").setAutoWidth(true).setSortable(true);
        grid.addColumn(Project::region).setHeader("Region").setAutoWidth(true).setSortable(true);
        grid.addColumn(p -> p.isolation().dbValue()).setHeader("Isolation").setAutoWidth(true);
        grid.addColumn(p -> byId.get(p.orgId()).planCode()).setHeader("Plan").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Span s = new Span(p.readOnly() ? p.status() + " · read-only" : p.status());
            s.addClassNames("sx-badge", "sx-badge-" + ("active".equals(p.status()) ? "active" : "retiring"));
            return s;
        }).setHeader("Status").setAutoWidth(true);
        grid.addColumn(p -> p.dataClasses().isEmpty() ? "—"
                : p.dataClasses().stream().map(d -> d.label()).sorted().collect(Collectors.joining(", "))).setHeader("Sensitive data");
        grid.setItems(all);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class, e.getItem().id().toString())));
        grid.setAllRowsVisible(true);
        // moved here from the home page, which reads only bounded pages: this screen lists every project anyway
        Map<String, Map<String, Integer>> byIsolation = new TreeMap<>();
        all.stream().filter(p -> !"deleted".equals(p.status())).forEach(p -> byIsolation
                .computeIfAbsent(p.isolation().dbValue(), k -> new TreeMap<>()).merge(p.region(), 1, Integer::sum));
        EChart chart = new EChart();
        chart.setId("projects-by-region-chart");
        chart.setHeight("240px");
        chart.setOption(ChartOptions.stackedBars(byIsolation, "projects"));
        add(new Paragraph(mayOnboard ? "Click a project to see what it is made of, check where its data lives, or change its lifecycle."
                : "Click a project to see what it is made of and check where its data lives. Onboarding and lifecycle changes need the Operator role."), grid,
                new H2("Projects by region"), chart);
    }
}
