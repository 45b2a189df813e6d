package io.sextant.console.ui.changes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditOutcome;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A change's audit trail, newest first: submission, revisions, checks, approvals, apply, refusals. */
final class ChangeAuditTrail {

    private ChangeAuditTrail() {
    }

    static Component of(List<AuditEventView> events) {
        if (events.isEmpty()) {
            return new Paragraph("No audit events for this change.");
        }
        Grid<AuditEventView> grid = new Grid<>();
        grid.setId("change-audit");
        grid.addColumn(e -> io.sextant.console.ui.Formats.dateTime(e.occurredAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.action().replaceFirst("^changes\\.", "")).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEventView::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> {
            Span s = new Span(e.outcome().name().toLowerCase(Locale.ROOT));
            s.addClassNames("sx-badge", e.outcome() == AuditOutcome.SUCCEEDED ? "sx-badge-active" : "sx-badge-failed");
            return s;
        }).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> new TreeMap<>(e.details()).entrySet().stream().map(d -> d.getKey() + "=" + abbreviate(d.getValue()))
                .collect(Collectors.joining(" · "))).setHeader("Details").setFlexGrow(1);
        grid.setItems(events);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    private static String abbreviate(String v) {
        return v.matches("[0-9a-f]{40,}") ? v.substring(0, 12) : v.length() > 160 ? v.substring(0, 157) + "…" : v;
    }
}
