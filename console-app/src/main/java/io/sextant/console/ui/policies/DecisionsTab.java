package io.sextant.console.ui.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ui.ChartOptions;
import io.sextant.console.ui.Formats;
import io.sextant.frontend.EChart;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.Explanation;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.TraceKind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Recent decisions of the project (live and simulated) with allow/deny per day, and "Explain" by decision id. */
class DecisionsTab extends VerticalLayout {

    private static final int LIMIT = 500;

    private final PolicyService policies;
    private final UUID projectId;
    private final Select<Integer> window = new Select<>();
    private final Select<String> kind = new Select<>();
    private final Div list = new Div();
    private final TextField decisionId = new TextField("Decision id");
    private final Div explanation = new Div();

    DecisionsTab(PolicyService policies, UUID projectId) {
        this.policies = policies;
        this.projectId = projectId;
        setPadding(false);
        setId("decisions-tab");
        window.setId("decisions-window");
        window.setLabel("Window");
        window.setItems(1, 7, 30);
        window.setItemLabelGenerator(d -> "last " + d + (d == 1 ? " day" : " days"));
        window.setValue(7);
        kind.setId("decisions-kind");
        kind.setLabel("Kind");
        kind.setItems("All", "LIVE", "SIMULATION");
        kind.setValue("All");
        window.addValueChangeListener(e -> load());
        kind.addValueChangeListener(e -> load());
        list.setId("decisions-list");
        list.setWidthFull();
        decisionId.setId("explain-id");
        decisionId.setWidth("26rem");
        decisionId.setPlaceholder("3f2b…-…");
        Button explain = new Button("Explain", e -> explain());
        explain.setId("explain-run");
        HorizontalLayout filters = new HorizontalLayout(window, kind);
        HorizontalLayout explainLine = new HorizontalLayout(decisionId, explain);
        explainLine.setAlignItems(Alignment.BASELINE);
        explanation.setId("decisions-explanation");
        explanation.setWidthFull();
        add(new H3("Recent decisions"), filters, list, new H3("Explain a decision"), explainLine, explanation);
        load();
    }

    private void load() {
        list.removeAll();
        TraceKind k = "All".equals(kind.getValue()) ? null : TraceKind.valueOf(kind.getValue());
        List<DecisionTrace> traces = PolicyUi.attempt(() -> policies.recentDecisions(projectId, Duration.ofDays(window.getValue()), k, LIMIT));
        if (traces == null) {
            return;
        }
        if (traces.isEmpty()) {
            list.add(PolicyUi.empty("decisions-empty", "No decisions recorded in this window."));
            return;
        }
        Map<String, Map<String, Integer>> perDay = new LinkedHashMap<>();
        perDay.put("ALLOW", new TreeMap<>());
        perDay.put("DENY", new TreeMap<>());
        traces.forEach(t -> {
            String day = t.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            perDay.get("ALLOW").putIfAbsent(day, 0);
            perDay.get("DENY").putIfAbsent(day, 0);
            perDay.get(t.effect().name()).merge(day, 1, Integer::sum);
        });
        EChart chart = new EChart();
        chart.setId("decisions-chart");
        chart.setHeight("200px");
        chart.setWidthFull();
        // Allow green, deny red: the palette's defaults would colour them blue and green.
        chart.setOption("{\"color\":[\"#3f9f5f\",\"#d9534f\"]," + ChartOptions.stackedBars(perDay, "decisions").substring(1));
        Grid<DecisionTrace> grid = new Grid<>();
        grid.setId("decisions-grid");
        grid.addColumn(t -> Formats.dateTime(t.decidedAt())).setHeader("Decided (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.kind().name().toLowerCase()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.principal().getOrDefault("id", "—") + " (" + t.principal().getOrDefault("role", "no role") + ")")
                .setHeader("Principal").setAutoWidth(true);
        grid.addColumn(t -> t.action() + " " + t.resourceType()).setHeader("Action").setAutoWidth(true);
        grid.addComponentColumn(t -> PolicyUi.badge(t.effect().name(), t.effect().name().equals("ALLOW") ? "succeeded" : "refused"))
                .setHeader("Effect").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.decidingRules().isEmpty() ? "default deny" : String.join(", ", t.decidingRules())).setHeader("Decided by");
        grid.addColumn(t -> t.decisionId().toString().substring(0, 8) + "…").setHeader("Decision").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setHeight("360px");
        grid.setItems(traces);
        grid.addItemClickListener(e -> {
            decisionId.setValue(e.getItem().decisionId().toString());
            explain();
        });
        list.add(chart, grid);
        if (traces.size() == LIMIT) {
            list.add(PolicyUi.empty("decisions-limit", "Showing the newest " + LIMIT + "; narrow the window to see fewer."));
        }
    }

    private void explain() {
        explanation.removeAll();
        Explanation e = PolicyUi.attempt(() -> policies.explain(decisionId.getValue()));
        if (e != null) {
            explanation.add(PolicyUi.explanation(e));
        }
    }
}
