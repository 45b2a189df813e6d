package io.sextant.console.ui.changes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.console.ui.Formats;
import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.QueuedChange;
import io.sextant.platform.changes.TargetSchemaService;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The migration review board: every target's queue in order, with the version each change will apply as and why it waits; submit a new one. */
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
        List<ChangeTarget> withChanges = new ArrayList<>();
        List<QueuedChange> all = new ArrayList<>();
        for (ChangeTarget t : targets.list()) {
            List<QueuedChange> queue = changes.queue(t.targetId());
            if (!queue.isEmpty()) {
                withChanges.add(t);
                all.addAll(inQueueOrder(queue));
            }
        }
        if (all.isEmpty()) {
            add(new Paragraph("No change has been submitted yet. Submit one: forward SQL, and a rollback if you have one "
                    + "(Sextant derives one where it can)."));
            return;
        }
        add(queueSummary(withChanges));
        Grid<QueuedChange> grid = new Grid<>();
        grid.setId("changes-grid");
        grid.addColumn(q -> q.change().targetId()).setHeader("Target").setAutoWidth(true);
        grid.addColumn(q -> "#" + q.change().sequence()).setHeader("Place").setAutoWidth(true);
        grid.addColumn(ChangesView::version).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(q -> wrapping(q.change().description())).setHeader("Description").setFlexGrow(2);
        grid.addColumn(q -> q.change().author()).setHeader("Author").setAutoWidth(true);
        grid.addComponentColumn(q -> ChangeView.stateBadge(q.change())).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(q -> wrapping(q.waiting() == null ? (ChangeLifecycle.inLine(q.change().state()) ? "ready to apply" : "")
                : q.waiting())).setHeader("Why it waits").setFlexGrow(2);
        grid.addColumn(q -> q.change().risk() == null ? "—" : q.change().risk().name().toLowerCase()).setHeader("Risk").setAutoWidth(true);
        grid.addColumn(q -> Formats.dateTime(q.change().updatedAt())).setHeader("Updated (UTC)").setAutoWidth(true);
        grid.setItems(all);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ChangeView.class, e.getItem().change().changeId())));
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Span wrapping(String text) {
        Span s = new Span(text);
        s.getStyle().set("white-space", "normal");
        return s;
    }

    /** The changes still in line first, in the order they apply; then the rest, latest place first. */
    static List<QueuedChange> inQueueOrder(List<QueuedChange> queue) {
        List<QueuedChange> out = new ArrayList<>(queue.stream().filter(q -> ChangeLifecycle.inLine(q.change().state())).toList());
        out.addAll(queue.stream().filter(q -> !ChangeLifecycle.inLine(q.change().state()))
                .sorted(Comparator.comparingInt((QueuedChange q) -> q.change().sequence()).reversed()).toList());
        return out;
    }

    static String version(QueuedChange q) {
        if (q.version() == null) {
            return "—";
        }
        return q.versionFixed() ? "v" + q.version() : "will apply as v" + q.version();
    }

    private com.vaadin.flow.component.Component queueSummary(List<ChangeTarget> withChanges) {
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.setId("queue-summary");
        for (ChangeTarget t : withChanges) {
            list.add(new com.vaadin.flow.component.html.ListItem(t.displayName() + " (" + t.targetId() + "): the next change applies as version "
                    + changes.nextSequence(t.targetId())));
        }
        return list;
    }

}
