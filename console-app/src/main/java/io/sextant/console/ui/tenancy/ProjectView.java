package io.sextant.console.ui.tenancy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.console.ui.Formats;
import io.sextant.frontend.EChart;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectInventory;
import io.sextant.platform.tenancy.ProjectInventoryService;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.ResidencyReport;
import io.sextant.platform.tenancy.ResidencyService;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import java.util.function.Function;

/** One project: its graph (what it is made of), where its data lives, and its lifecycle. */
@Route("project")
@PageTitle("Project · Sextant")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SUPPORT_NAME})
public class ProjectView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProjectInventoryService inventory;
    private final ProjectService projects;
    private final ResidencyService residency;
    private UUID projectId;

    ProjectView(ProjectInventoryService inventory, ProjectService projects, ResidencyService residency) {
        this.inventory = inventory;
        this.projects = projects;
        this.residency = residency;
        setId("project-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            projectId = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            removeAll();
            // the address's text is not repeated: a crafted link must not be able to put words on a console page
            add(new H1("Project not found"), new Paragraph("This address names no project. What to do: open the project from "
                    + "its list."), new RouterLink("Projects", ProjectsView.class));
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        ProjectInventory inv;
        try {
            inv = inventory.inventory(projectId);
        } catch (IllegalArgumentException e) {
            add(new H1("Project not found"), new Paragraph(e.getMessage() + ". What to do: open the project from its list."),
                    new RouterLink("Projects", ProjectsView.class));
            return;
        }
        Project p = inv.project();
        Span status = new Span(p.status() + (p.readOnly() ? " · read-only: " + p.readOnlyReason() : ""));
        status.setId("project-status");
        status.addClassNames("sx-badge", "sx-badge-" + ("active".equals(p.status()) && !p.readOnly() ? "active" : "retiring"));
        HorizontalLayout head = new HorizontalLayout(new H1(p.name()), status);
        head.setAlignItems(Alignment.BASELINE);
        add(head);
        Div facts = new Div();
        facts.addClassName("sx-cards");
        facts.add(fact("Organisation", inv.organizationSlug(), "plan " + inv.planCode()),
                fact("Region", inv.regionDisplayName(), "server " + inv.systemIdentifier()),
                fact("Isolation", p.isolation().dbValue(), inv.storage()),
                fact("Policy pack", p.policyPack().name().toLowerCase().replace('_', '-'),
                        inv.policyPackRules().isEmpty() ? "tenant isolation only" : String.join(", ", inv.policyPackRules())),
                fact("Usage", p.rowsUsed() == null ? "not measured yet" : p.rowsUsed() + " rows",
                        p.storageBytesUsed() == null ? "" : (p.storageBytesUsed() / 1024) + " KiB"));
        add(facts, lifecycleActions(p));

        add(new H2("What it is made of"));
        EChart graph = new EChart();
        graph.setId("project-graph");
        graph.setHeight("520px");
        graph.setOption(ProjectGraph.of(inv).option());
        graph.addItemClickListener(e -> {
            if (e.itemId().startsWith("link:")) {
                getUI().ifPresent(ui -> ui.navigate(e.itemId().substring(5)));
            }
        });
        add(new Paragraph("Drag to rearrange, scroll to zoom; outlined nodes open their screen."), graph);

        add(new H2("Data residency"));
        Div result = new Div();
        result.setId("residency-result");
        Button check = new Button("Check where the data lives", e -> show(result, residency.check(projectId)));
        check.setId("check-residency");
        add(new Paragraph("Asks every region's server, identified by its own system identifier, what it holds of this project."),
                check, result);
    }

    private HorizontalLayout lifecycleActions(Project p) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!CurrentRoles.has(ConsoleRole.OPERATOR)) {
            return actions;
        }
        switch (p.status()) {
            case "active" -> actions.add(action("Suspend", "suspend-project", projects::suspend, false),
                    action("Delete", "delete-project", projects::delete, true));
            case "suspended" -> actions.add(action("Resume", "resume-project", projects::resume, false),
                    action("Delete", "delete-project", projects::delete, true));
            case "deleting" -> {
                actions.add(action("Restore", "restore-project", projects::restore, false));
                actions.add(new Span("Deleted for good after " + Formats.dateTime(p.deleteAfter()) + " UTC; an export is kept first."));
            }
            default -> { }
        }
        return actions;
    }

    private Button action(String label, String id, Function<UUID, Project> transition, boolean dangerous) {
        Button b = new Button(label, e -> {
            Runnable run = () -> {
                transition.apply(projectId);
                Notification.show(label + " done");
                render();
            };
            if (dangerous) {
                ConfirmDialog confirm = new ConfirmDialog(label + " this project?", "The tenant's data is exported, then dropped "
                        + "after the grace period. It can be restored until then.", label, ev -> run.run());
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            } else {
                run.run();
            }
        });
        b.setId(id);
        if (dangerous) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return b;
    }

    private static void show(Div target, ResidencyReport report) {
        target.removeAll();
        Span verdict = new Span(report.compliant() ? "Compliant: only " + report.pinnedRegion() + " holds this project's data"
                : "Violation: " + String.join("; ", report.violations()));
        verdict.addClassNames("sx-badge", report.compliant() ? "sx-badge-intact" : "sx-badge-broken");
        target.add(verdict);
        for (var f : report.findings()) {
            target.add(new Paragraph(f.region() + " (server " + f.systemIdentifier() + "): " + (!f.reachable() ? "unreachable"
                    : f.region().equals(report.pinnedRegion()) ? "holds " + f.holdings() + " (its region)"
                    : "holds " + f.holdings())));
        }
    }

    private static Div fact(String title, String value, String detail) {
        Div card = new Div();
        card.addClassName("sx-card");
        Span t = new Span(title);
        t.addClassName("sx-card-title");
        Span v = new Span(value);
        v.addClassName("sx-card-value-sm");
        Span d = new Span(detail);
        d.addClassName("sx-card-detail");
        card.add(t, v, d);
        return card;
    }
}
