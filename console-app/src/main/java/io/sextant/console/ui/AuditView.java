package io.sextant.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.audit.AuditCheckpoints;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.audit.VerificationReport;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The audit log: filter by actor, action and time; verify the hash chain; take a signed checkpoint. */
@Route("audit")
@PageTitle("Audit log · Sextant")
@Menu(order = 70, icon = "vaadin:clipboard-check", title = "Audit log")
@RolesAllowed({ConsoleRole.COMPLIANCE_NAME, ConsoleRole.SECURITY_ADMIN_NAME})
class AuditView extends VerticalLayout {

    static final int PAGE = 100;

    private final AuditQuery query;
    private final Grid<AuditEventView> grid = new Grid<>();
    private final List<AuditEventView> loaded = new ArrayList<>();
    private final Button more = new Button("Load older events");
    private final Paragraph empty = new Paragraph("No audit event matches this filter.");
    private final Div verdict = new Div();
    private final TextField actor = new TextField("Actor");
    private final TextField action = new TextField("Action");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private Long nextBefore;

    AuditView(AuditQuery query, AuditVerifier verifier, AuditCheckpoints checkpoints, io.sextant.platform.tenancy.OrganizationService organizations,
            io.sextant.platform.tenancy.ProjectService projects) {
        this.query = query;
        TenantNames names = TenantNames.load(organizations, projects); // tenants by name, never a bare id
        setId("audit-view");
        setSizeFull();
        Button verify = new Button("Verify chain", e -> show(verifier.verify()));
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button checkpoint = new Button("Take checkpoint", e -> {
            var c = checkpoints.checkpoint();
            Notification.show("Checkpoint signed at event " + c.seq() + " (key " + c.keyId() + ")");
            search();
        });
        checkpoint.setId("take-checkpoint");
        verdict.setId("verification-result");
        HorizontalLayout head = new HorizontalLayout(new H1("Audit log"), verify, checkpoint, verdict);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);

        actor.setId("filter-actor");
        action.setId("filter-action");
        actor.setClearButtonVisible(true);
        action.setClearButtonVisible(true);
        Button apply = new Button("Apply filter", e -> search());
        apply.setId("apply-filter");
        // sized to fit one row beside the menu at 1,440 px; narrower windows wrap instead of cutting fields off
        actor.setWidth("10em");
        action.setWidth("12em");
        for (DateTimePicker p : List.of(from, to)) {
            p.setDatePlaceholder("date");
            p.setTimePlaceholder("time");
            p.setWidth("17em");
        }
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, apply);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setId("audit-filters");

        grid.setId("audit-grid");
        // Target and details are what an investigator reads: they wrap instead of being cut off.
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(AuditEventView::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEventView::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(AuditEventView::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> names.target(e.targetType(), e.targetId())).setHeader("Target").setFlexGrow(1);
        grid.addComponentColumn(e -> {
            Span s = new Span(e.outcome().dbValue());
            s.addClassNames("sx-badge", "sx-badge-" + e.outcome().dbValue());
            return s;
        }).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> names.named(e.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(", ")))).setHeader("Details").setFlexGrow(3);
        grid.addColumn(e -> e.requestId() == null ? "" : e.requestId().substring(0, Math.min(8, e.requestId().length())))
                .setHeader("Request").setAutoWidth(true).setFlexGrow(0);
        more.setId("load-more");
        more.addClickListener(e -> loadPage());
        add(head, new Paragraph("Every state-changing action is recorded with the hash of the event before it; verification "
                + "recomputes the chain and compares it with the signed checkpoints kept inside and outside the database."),
                filters, grid, empty, more);
        search();
    }

    private void search() {
        loaded.clear();
        nextBefore = null;
        loadPage();
    }

    private void loadPage() {
        AuditFilter filter = new AuditFilter(blank(actor.getValue()), blank(action.getValue()),
                from.getValue() == null ? null : from.getValue().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().toInstant(ZoneOffset.UTC));
        var page = query.find(filter, nextBefore, PAGE);
        loaded.addAll(page.events());
        nextBefore = page.nextBeforeSeq();
        grid.setItems(loaded);
        grid.setVisible(!loaded.isEmpty());
        empty.setVisible(loaded.isEmpty());
        more.setVisible(nextBefore != null);
    }

    private void show(VerificationReport report) {
        verdict.removeAll();
        Span s = new Span(report.intact()
                ? "Intact: " + report.eventsChecked() + " events verified"
                : report.problem().kind().name().toLowerCase() + " at event " + report.problem().seq() + ": " + report.problem().description());
        s.addClassNames("sx-badge", report.intact() ? "sx-badge-intact" : "sx-badge-broken");
        verdict.add(s);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
