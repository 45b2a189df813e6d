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
import io.sextant.console.ui.TenantNames;
import io.sextant.frontend.EChart;
import io.sextant.platform.authz.Explanation;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.RecordedTrace;
import io.sextant.platform.authz.TraceInputs;
import io.sextant.platform.authz.TraceKind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Recent decisions of the project with allow/deny per day, and "Explain" by decision id. Live
 * decisions are shown by default; simulated and replayed ones (the simulator, test runs, impact and
 * least-privilege previews) only when asked for, and then as bars of their own beside the live ones,
 * so that replaying a week of decisions never looks like a week of traffic.
 */
class DecisionsTab extends VerticalLayout {

    private static final int LIMIT = 500;

    private final PolicyService policies;
    private final UUID projectId;
    private final TenantNames names;
    private final Select<Integer> window = new Select<>();
    private final Select<Kinds> kind = new Select<>();

    /** What the list and the chart show; live first, the default. */
    enum Kinds {
        LIVE("Live decisions", TraceKind.LIVE), SIMULATION("Simulated", TraceKind.SIMULATION), REPLAY("Replayed", TraceKind.REPLAY),
        ALL("All kinds, live apart", null);

        final String label;
        final @Nullable TraceKind kind;

        Kinds(String label, @Nullable TraceKind kind) {
            this.label = label;
            this.kind = kind;
        }
    }
    private final Div list = new Div();
    private final TextField decisionId = new TextField("Decision id");
    private final Div explanation = new Div();

    DecisionsTab(PolicyService policies, UUID projectId, TenantNames names) {
        this.names = names;
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
        kind.setItems(Kinds.values());
        kind.setItemLabelGenerator(k -> k.label);
        kind.setValue(Kinds.LIVE);
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
        add(new H3("Recent decisions"), filters, list, new H3("Explain a decision"), explainLine, explanation,
                new H3("Why would this be denied?"), requestForm(), requestExplanation);
        load();
    }

    private final TextField askRole = new TextField("Role");
    private final TextField askId = new TextField("Principal id");
    private final Select<String> askTenant = new Select<>();
    private final TextField askAction = new TextField("Action");
    private final TextField askType = new TextField("Resource type");
    private final com.vaadin.flow.component.textfield.TextArea askResource = new com.vaadin.flow.component.textfield.TextArea("Resource attributes (column=value per line)");
    private final com.vaadin.flow.component.textfield.TextArea askClaims = new com.vaadin.flow.component.textfield.TextArea("Claims (name=value per line)");
    private final TextField askRisk = new TextField("Risk score");
    private final Div requestExplanation = new Div();

    /** A principal + action + resource, decided by the published policy now and explained (recorded as a simulation). */
    private com.vaadin.flow.component.Component requestForm() {
        askRole.setId("ask-role");
        askRole.setValue("member");
        askId.setId("ask-id");
        askTenant.setId("ask-tenant");
        askTenant.setLabel("Principal's tenant");
        askTenant.setItems("this project", "another tenant", "no tenant");
        askTenant.setValue("this project");
        askAction.setId("ask-action");
        askAction.setValue("select");
        askType.setId("ask-type");
        askType.setValue("document");
        askResource.setId("ask-resource");
        askResource.setWidth("24rem");
        askResource.setPlaceholder("tenant_id=…\nowner_id=…");
        askClaims.setId("ask-claims");
        askClaims.setWidth("18rem");
        askRisk.setId("ask-risk");
        askRisk.setWidth("8rem");
        Button why = new Button("Why?", e -> explainRequest());
        why.setId("ask-run");
        requestExplanation.setId("ask-explanation");
        requestExplanation.setWidthFull();
        HorizontalLayout who = new HorizontalLayout(askRole, askId, askTenant, askAction, askType, askRisk);
        who.setAlignItems(Alignment.BASELINE);
        who.setWrap(true);
        HorizontalLayout what = new HorizontalLayout(askResource, askClaims, why);
        what.setAlignItems(Alignment.END);
        VerticalLayout form = new VerticalLayout(who, what);
        form.setPadding(false);
        return form;
    }

    private void explainRequest() {
        requestExplanation.removeAll();
        Explanation e = PolicyUi.attempt(() -> {
            Map<String, String> resource = PolicyUi.keyValues(askResource.getValue(), "resource attributes");
            Map<String, String> claims = PolicyUi.keyValues(askClaims.getValue(), "claims");
            UUID tenant = switch (askTenant.getValue()) {
                case "this project" -> projectId;
                case "another tenant" -> io.sextant.platform.authz.PolicyTestSuite.OTHER_TENANT;
                default -> null;
            };
            Map<String, Object> res = new LinkedHashMap<>();
            resource.forEach((k, v) -> res.put(k, v.equals("self") ? projectId.toString() : v));
            java.math.BigDecimal risk = askRisk.getValue().isBlank() ? null : new java.math.BigDecimal(askRisk.getValue().strip());
            return policies.explain(projectId, new io.sextant.platform.authz.DecisionRequest(null,
                    new io.sextant.platform.authz.Principal(blankToNull(askId.getValue()), blankToNull(askRole.getValue()), tenant, Map.copyOf(claims)),
                    askAction.getValue().strip(), askType.getValue().strip(), res,
                    new io.sextant.platform.authz.RequestContext(null, null, risk)));
        });
        if (e != null) {
            requestExplanation.add(PolicyUi.explanation(e, names));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void load() {
        list.removeAll();
        TraceKind k = kind.getValue().kind;
        List<RecordedTrace> traces = PolicyUi.attempt(() -> policies.recentDecisions(projectId, Duration.ofDays(window.getValue()), k, LIMIT));
        if (traces == null) {
            return;
        }
        if (traces.isEmpty()) {
            list.add(PolicyUi.empty("decisions-empty", kind.getValue() == Kinds.LIVE
                    ? "No live decisions recorded in this window. Simulated and replayed ones are under Kind."
                    : "No decisions of this kind recorded in this window."));
            return;
        }
        EChart chart = new EChart();
        chart.setId("decisions-chart");
        chart.setHeight("200px");
        chart.setWidthFull();
        chart.setOption(chartOption(traces));
        Grid<RecordedTrace> grid = new Grid<>();
        grid.setId("decisions-grid");
        grid.addColumn(r -> Formats.dateTime(r.trace().decidedAt())).setHeader("Decided (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.trace().kind().name().toLowerCase()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.trace().principal().getOrDefault("id", "—") + " (" + r.trace().principal().getOrDefault("role", "no role") + ")")
                .setHeader("Principal").setAutoWidth(true);
        grid.addColumn(r -> r.trace().action() + " " + r.trace().resourceType()).setHeader("Action").setAutoWidth(true);
        grid.addComponentColumn(r -> PolicyUi.badge(r.trace().effect().name(), r.trace().effect() == io.sextant.platform.authz.Effect.ALLOW
                ? "succeeded" : "refused")).setHeader("Effect").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.trace().decidingRules().isEmpty() ? "default deny" : String.join(", ", r.trace().decidingRules())).setHeader("Decided by");
        grid.addColumn(r -> switch (r.inputs()) {
            case COMPLETE -> "complete";
            case ROW_VALUES_MASKED -> "row values hidden";
            case PURGED -> "purged";
        }).setHeader("Inputs").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.trace().decisionId().toString().substring(0, 8) + "…").setHeader("Decision").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setHeight("360px");
        grid.setItems(traces);
        grid.addItemClickListener(e -> {
            decisionId.setValue(e.getItem().trace().decisionId().toString());
            explain();
        });
        if (traces.stream().anyMatch(r -> r.inputs() == TraceInputs.ROW_VALUES_MASKED)) {
            list.add(PolicyUi.empty("decisions-masked", PolicyUi.inputsNote(TraceInputs.ROW_VALUES_MASKED)));
        }
        list.add(chart, grid);
        if (traces.size() == LIMIT) {
            list.add(PolicyUi.empty("decisions-limit", "Showing the newest " + LIMIT + "; narrow the window to see fewer."));
        }
    }

    /**
     * Allow and deny per day: one stacked bar for live decisions, and — only when other kinds are
     * listed — one beside it for simulated and replayed ones, in greys, never added to the live bar.
     */
    static String chartOption(List<RecordedTrace> traces) {
        Map<String, Map<String, Integer>> perDay = new LinkedHashMap<>();
        List<String> colours = new java.util.ArrayList<>();
        series(perDay, colours, "live allow", "#3f9f5f");
        series(perDay, colours, "live deny", "#d9534f");
        boolean others = traces.stream().anyMatch(r -> r.trace().kind() != TraceKind.LIVE);
        if (others) {
            series(perDay, colours, "simulated", "#9aa5b1");
            series(perDay, colours, "replayed", "#c9d1da");
        }
        java.util.SortedSet<String> days = new java.util.TreeSet<>();
        traces.forEach(r -> days.add(r.trace().decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        perDay.values().forEach(m -> days.forEach(d -> m.put(d, 0)));
        traces.stream().map(RecordedTrace::trace).forEach(t -> {
            String day = t.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String name = switch (t.kind()) {
                case LIVE -> t.effect() == io.sextant.platform.authz.Effect.ALLOW ? "live allow" : "live deny";
                case SIMULATION -> "simulated";
                case REPLAY -> "replayed";
            };
            perDay.get(name).merge(day, 1, Integer::sum);
        });
        String option = ChartOptions.stackedBars(perDay, "decisions", name -> name.startsWith("live") ? "live" : "not live");
        return "{\"color\":[" + String.join(",", colours.stream().map(c -> "\"" + c + "\"").toList()) + "]," + option.substring(1);
    }

    private static void series(Map<String, Map<String, Integer>> perDay, List<String> colours, String name, String colour) {
        perDay.put(name, new TreeMap<>());
        colours.add(colour);
    }

    private void explain() {
        explanation.removeAll();
        Explanation e = PolicyUi.attempt(() -> policies.explain(decisionId.getValue()));
        if (e != null) {
            explanation.add(PolicyUi.explanation(e, names));
        }
    }
}
