package io.sextant.console.ui.changes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.console.ui.Formats;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.TargetSchemaService;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The migration review board: every change request of every target, newest first; submit a new one. */
@Route("changes")
@PageTitle("Change review · Sextant")
@Menu(order = 20, icon = "vaadin:file-code", title = "Change review")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SECURITY_ADMIN_NAME})
class ChangesView extends VerticalLayout {

    private final ChangeRequestService changes;
    private final ChangeTargets targets;

    ChangesView(ChangeRequestService changes, TargetSchemaService schema, ChangeTargets targets) {
        this.changes = changes;
        this.targets = targets;
        setId("changes-view");
        Button submit = new Button("Submit a change", VaadinIcon.PLUS.create(), e -> new SubmitChangeDialog(changes, schema, targets,
                c -> getUI().ifPresent(ui -> ui.navigate(ChangeView.class, c.changeId()))).open());
        submit.setId("submit-change");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button driftCheck = new Button("Check schema drift", VaadinIcon.SPLIT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(DriftView.class)));
        driftCheck.setId("open-drift");
        HorizontalLayout head = new HorizontalLayout(new H1("Change review"), submit, driftCheck);
        head.setAlignItems(Alignment.BASELINE);
        add(head, new Paragraph("Every schema change is linted, applied to a shadow copy with its locks and rewrites measured, "
                + "given a verified rollback, approved by someone other than its author where it is risky, and only then applied."));
        List<ChangeRequest> stuck = changes.stuck();
        if (!stuck.isEmpty()) {
            Paragraph warn = new Paragraph(stuck.size() + (stuck.size() == 1 ? " change has" : " changes have")
                    + " been checking or applying for too long (the process holding it may have died): "
                    + String.join(", ", stuck.stream().map(c -> c.changeId().substring(0, 12) + " (" + c.state().name().toLowerCase() + ")").toList())
                    + ". Open it to reset it.");
            warn.setId("stuck-changes");
            warn.addClassName("sx-error-text");
            add(warn);
        }
        List<ChangeRequest> all = new ArrayList<>();
        targets.list().forEach(t -> all.addAll(changes.list(t.targetId())));
        all.sort(Comparator.comparing(ChangeRequest::updatedAt).reversed());
        if (all.isEmpty()) {
            add(new Paragraph("No change has been submitted yet. Submit one: forward SQL, and a rollback if you have one "
                    + "(Sextant derives one where it can)."));
            return;
        }
        Grid<ChangeRequest> grid = new Grid<>();
        grid.setId("changes-grid");
        grid.addColumn(c -> c.changeId().substring(0, 12)).setHeader("Change").setAutoWidth(true);
        grid.addColumn(ChangeRequest::targetId).setHeader("Target").setAutoWidth(true);
        grid.addColumn(ChangeRequest::sequence).setHeader("#").setAutoWidth(true);
        grid.addColumn(ChangeRequest::description).setHeader("Description");
        grid.addColumn(ChangeRequest::author).setHeader("Author").setAutoWidth(true);
        grid.addComponentColumn(c -> ChangeView.stateBadge(c)).setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> c.risk() == null ? "—" : c.risk().name().toLowerCase()).setHeader("Risk").setAutoWidth(true);
        grid.addColumn(c -> Formats.dateTime(c.updatedAt())).setHeader("Updated (UTC)").setAutoWidth(true);
        grid.setItems(all);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ChangeView.class, e.getItem().changeId())));
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
