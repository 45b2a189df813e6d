package io.sextant.console.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.status.PlatformStatus;
import io.sextant.platform.status.PlatformStatusService;
import io.sextant.frontend.EChart;
import io.sextant.platform.tenancy.TenancyQuery;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.TreeMap;

/** The home page: the platform's real state, read from PostgreSQL on every visit. */
@Route("")
@PageTitle("Home · Sextant")
@Menu(order = 0, icon = "vaadin:home", title = "Home")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(PlatformStatusService statusService, HomeAuditCard auditCard, TenancyQuery tenancy) {
        setId("home-view");
        add(new H1("Platform overview"));
        PlatformStatus status = statusService.status();
        Div cards = new Div();
        cards.addClassName("sx-cards");
        cards.add(card("database-status", "Database", status.databaseUp() ? "Healthy" : "Unavailable",
                status.databaseUp() ? status.databaseVersion() + " · " + status.databaseSize() + " · "
                        + status.roundTrip().toMillis() + " ms round trip" : status.problem(),
                status.databaseUp() ? "ok" : "bad"));
        cards.add(card("organizations-count", "Organisations", String.valueOf(status.organizations()), "in the control plane", null));
        cards.add(card("projects-count", "Projects", String.valueOf(status.projects()), "tenants, shared and dedicated", null));
        cards.add(card("operators-count", "Operators", String.valueOf(status.operators()),
                status.openSessions() + (status.openSessions() == 1 ? " open console session" : " open console sessions"), null));
        cards.add(auditCard.create());
        add(cards);

        add(new H2("Projects by region"));
        var load = tenancy.projectsByRegion();
        if (load.isEmpty()) {
            add(new Paragraph("No project exists yet. Projects appear here by region and isolation model once tenants are onboarded."));
        } else {
            Map<String, Map<String, Integer>> byIsolation = new TreeMap<>();
            load.forEach(l -> byIsolation.computeIfAbsent(l.isolation(), k -> new TreeMap<>()).put(l.region(), l.projects()));
            EChart chart = new EChart();
            chart.setId("projects-by-region-chart");
            chart.setHeight("260px");
            chart.setOption(ChartOptions.stackedBars(byIsolation, "projects"));
            add(chart);
        }

        add(new H2("Applied migrations"));
        if (status.migrations().isEmpty()) {
            add(new Paragraph("No migration history could be read."));
        } else {
            Grid<PlatformStatus.AppliedMigration> grid = new Grid<>();
            grid.setId("migrations-grid");
            grid.addColumn(PlatformStatus.AppliedMigration::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(PlatformStatus.AppliedMigration::description).setHeader("Description");
            grid.addColumn(m -> Formats.dateTime(m.installedAt())).setHeader("Applied (UTC)").setAutoWidth(true);
            grid.addColumn(m -> m.success() ? "applied" : "FAILED").setHeader("State").setAutoWidth(true);
            grid.setItems(status.migrations());
            grid.setAllRowsVisible(true);
            add(grid);
        }
    }

    static Div card(String id, String title, String value, String detail, String tone) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("sx-card");
        if (tone != null) {
            card.addClassName("sx-" + tone);
        }
        Span t = new Span(title);
        t.addClassName("sx-card-title");
        Span v = new Span(value);
        v.addClassName("sx-card-value");
        Span d = new Span(detail == null ? "" : detail);
        d.addClassName("sx-card-detail");
        card.add(t, v, d);
        return card;
    }
}
