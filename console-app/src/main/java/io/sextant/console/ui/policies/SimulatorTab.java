package io.sextant.console.ui.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ui.TenantNames;
import io.sextant.platform.authz.ConditionOutcome;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.Explanation;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicySimulator;
import io.sextant.platform.authz.RequestContext;
import io.sextant.platform.authz.RuleOutcome;
import io.sextant.platform.authz.Simulation;
import io.sextant.platform.authz.TableSchema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Runs a command as any principal on the project's real rows (rolled back) and shows what each rule decided, row by row. */
class SimulatorTab extends VerticalLayout {

    private final PolicySimulator simulator;
    private final PolicyService policies;
    private final PoliciesView.ProjectChoice target;
    private final Supplier<String> draft;
    private final TenantNames names;
    private final Select<PoliciesView.ProjectChoice> tenant = new Select<>();
    private final TextField role = new TextField("Role");
    private final TextField subject = new TextField("Principal id");
    private final TextArea claims = new TextArea("Claims (key=value lines)");
    private final TextField risk = new TextField("Context: risk");
    private final TextField ip = new TextField("Context: ip");
    private final Select<Simulation.Command> command = new Select<>();
    private final Select<String> table = new Select<>();
    private final TextArea where = new TextArea("Where (column=value lines)");
    private final TextArea set = new TextArea("Set (column=value lines)");
    private final Checkbox whatIf = new Checkbox("What-if with the draft (evaluate the editor's text, run nothing)");
    private final Div result = new Div();
    private final Div detail = new Div();

    SimulatorTab(PolicySimulator simulator, PolicyService policies, PoliciesView.ProjectChoice target, List<PoliciesView.ProjectChoice> all,
            Supplier<String> draft, TenantNames names) {
        this.names = names;
        this.simulator = simulator;
        this.policies = policies;
        this.target = target;
        this.draft = draft;
        setPadding(false);
        setId("simulator-tab");
        tenant.setId("sim-tenant");
        tenant.setLabel("Principal's tenant");
        tenant.setItems(all.stream().filter(c -> c.project().region().equals(target.project().region())).toList());
        tenant.setEmptySelectionAllowed(true);
        tenant.setEmptySelectionCaption("No tenant");
        tenant.setItemLabelGenerator(c -> c == null ? "No tenant" : c.label());
        tenant.setValue(target);
        role.setId("sim-role");
        role.setValue("member");
        subject.setId("sim-subject");
        subject.setValue("user-1");
        claims.setId("sim-claims");
        risk.setId("sim-risk");
        ip.setId("sim-ip");
        command.setId("sim-command");
        command.setLabel("Command");
        command.setItems(Simulation.Command.values());
        command.setValue(Simulation.Command.SELECT);
        table.setId("sim-table");
        table.setLabel("Table");
        List<String> tables = policies.tables(target.project().id()).stream().map(TableSchema::name).toList();
        table.setItems(tables);
        table.setValue(tables.contains("document") ? "document" : tables.isEmpty() ? null : tables.get(0));
        where.setId("sim-where");
        set.setId("sim-set");
        whatIf.setId("sim-what-if");
        FormLayout form = new FormLayout(tenant, role, subject, claims, risk, ip, command, table, where, set);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setColspan(claims, 1);
        Button run = new Button("Run", e -> run());
        run.setId("sim-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(PolicyUi.gated(run, simulator.mayRun(target.project().id()) ? null : whyNotRun()), whatIf);
        actions.setAlignItems(Alignment.CENTER);
        result.setId("sim-result");
        result.setWidthFull();
        detail.setId("sim-detail");
        detail.setWidthFull();
        add(new H3("Simulate a command on " + target.label()), form, actions, result, detail);
    }

    /** The simulator reads the tenant's real rows: who may is D009's rule (TenantAccess). */
    private String whyNotRun() {
        var p = target.project();
        boolean regulated = p.dataClasses().contains(io.sextant.platform.tenancy.DataClass.HEALTH)
                || p.dataClasses().contains(io.sextant.platform.tenancy.DataClass.PAYMENT);
        if (!p.status().equals("active") && !p.status().equals("suspended")) {
            return "Project " + p.slug() + " is " + p.status() + ": its rows cannot be simulated on";
        }
        return regulated && PolicyUi.hasAny(List.of(io.sextant.platform.identity.ConsoleRole.SUPPORT))
                ? "This tenant holds health or payment data: simulating on its rows needs the Operator or Security admin role"
                : "Simulating on a tenant's rows needs the Operator or Security admin role (Support: tenants without health or payment data)";
    }

    private void run() {
        result.removeAll();
        detail.removeAll();
        Simulation.Result r = PolicyUi.attempt(() -> simulator.simulate(request()));
        if (r == null) {
            return;
        }
        Span summary = new Span(r.summary());
        summary.setId("sim-summary");
        Span agreement = PolicyUi.badge(r.executed() ? (r.agrees() ? "engine agrees with PostgreSQL" : "ENGINE DISAGREES WITH POSTGRESQL")
                : "what-if: evaluated, not run", r.agrees() ? "succeeded" : "refused");
        agreement.setId("sim-agreement");
        agreement.getStyle().set("align-self", "flex-start");
        Div head = new Div(agreement, new Span(" "), summary);
        head.addClassName("sx-card");
        result.add(head);
        if (r.refused() != null) {
            Span refused = new Span("Refused by PostgreSQL: " + r.refused());
            refused.setId("sim-refused");
            refused.addClassName("sx-error-text");
            result.add(new Div(refused));
        }
        result.add(PolicyUi.code("sim-sql", r.sql()));
        if (r.rows().isEmpty()) {
            result.add(PolicyUi.empty("sim-no-rows", "No row matched the where clause."));
            return;
        }
        Grid<Simulation.RowResult> rows = new Grid<>();
        rows.setId("sim-rows");
        rows.addColumn(Simulation.RowResult::rowKey).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        rows.addComponentColumn(x -> PolicyUi.badge(x.outcome().name().toLowerCase().replace('_', ' '),
                x.outcome().name().equals("ALLOWED") ? "succeeded" : "refused")).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(x -> names.named(x.explanation())).setHeader("Why").setFlexGrow(1);
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        rows.setItems(r.rows());
        rows.setAllRowsVisible(true);
        rows.setWidthFull();
        rows.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showRow(e.getValue());
            }
        });
        result.add(new Span("Select a row to see each rule's verdict."), rows);
    }

    private Simulation.Request request() {
        Map<String, Object> claimValues = new LinkedHashMap<>(PolicyUi.keyValues(claims.getValue(), "Claims"));
        BigDecimal riskValue;
        try {
            riskValue = risk.getValue().isBlank() ? null : new BigDecimal(risk.getValue().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Risk must be a number, e.g. 0.2");
        }
        if (command.getValue() == null || table.getValue() == null) {
            throw new IllegalArgumentException("Choose a command and a table");
        }
        return new Simulation.Request(target.project().id(), tenant.getValue() == null ? null : tenant.getValue().project().id(),
                blankToNull(role.getValue()), blankToNull(subject.getValue()), claimValues,
                new RequestContext(null, blankToNull(ip.getValue()), riskValue), command.getValue(), table.getValue(),
                PolicyUi.keyValues(where.getValue(), "Where"), PolicyUi.keyValues(set.getValue(), "Set"),
                whatIf.getValue() ? draft.get() : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void showRow(Simulation.RowResult row) {
        detail.removeAll();
        detail.add(new H3("Row " + row.rowKey() + ": " + row.outcome().name().toLowerCase().replace('_', ' ')));
        int i = 0;
        for (DecisionTrace t : row.traces()) {
            i++;
            // what PostgreSQL checks with this trace and on which row, as the simulator recorded it (never guessed from values)
            H4 title = new H4(row.checks().get(i - 1) + " → " + t.effect()
                    + (t.decidingRules().isEmpty() ? " (no rule matched: default deny)" : " by " + String.join(", ", t.decidingRules())));
            title.setId("sim-check-" + i);
            Span id = new Span("Decision " + t.decisionId());
            id.setId("sim-decision-id-" + i);
            Button why = new Button("Why?", e -> explain(t.decisionId().toString()));
            why.setId("sim-why-" + i);
            why.addThemeVariants(ButtonVariant.LUMO_SMALL);
            HorizontalLayout idLine = new HorizontalLayout(id, why);
            idLine.setAlignItems(Alignment.CENTER);
            Grid<RuleOutcome> rules = new Grid<>();
            rules.setId("sim-rules-" + i);
            rules.addClassName("sim-rules");
            rules.addColumn(RuleOutcome::ruleName).setHeader("Rule").setAutoWidth(true).setFlexGrow(0);
            rules.addColumn(RuleOutcome::ruleEffect).setHeader("Effect").setAutoWidth(true).setFlexGrow(0);
            rules.addColumn(o -> o.applicable() ? o.result() : "N/A").setHeader("Result").setAutoWidth(true).setFlexGrow(0);
            rules.addColumn(o -> o.matched() ? "yes" : "no").setHeader("Matched").setAutoWidth(true).setFlexGrow(0)
                    .setTextAlign(ColumnTextAlign.CENTER);
            rules.addColumn(o -> names.named(o.conditions().stream().map(SimulatorTab::condition).collect(Collectors.joining("; "))))
                    .setHeader("Conditions and the values they saw").setFlexGrow(1);
            rules.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
            // only the rules that cover this trace's command: a SELECT's verdicts never list the UPDATE rules
            List<RuleOutcome> covering = t.rules().stream().filter(RuleOutcome::applicable).toList();
            rules.setItems(covering);
            rules.setAllRowsVisible(true);
            rules.setWidthFull();
            detail.add(title, idLine, rules);
            if (covering.isEmpty()) {
                detail.add(PolicyUi.empty("sim-no-rules-" + i, "No rule covers " + t.action() + " on " + t.resourceType() + ": denied by default."));
            }
        }
        Div explanation = new Div();
        explanation.setId("sim-explanation");
        explanation.setWidthFull();
        detail.add(explanation);
    }

    static String condition(ConditionOutcome c) {
        String values = c.values().entrySet().stream().map(e -> e.getKey() + " = " + (e.getValue() == null ? "null" : e.getValue()))
                .collect(Collectors.joining(", "));
        return c.text() + " → " + c.result() + (values.isEmpty() ? "" : " (" + values + ")");
    }

    private void explain(String decisionId) {
        Explanation e = PolicyUi.attempt(() -> policies.explain(decisionId));
        detail.getChildren().filter(c -> "sim-explanation".equals(c.getId().orElse(null))).findFirst().ifPresent(c -> {
            Div box = (Div) c;
            box.removeAll();
            if (e != null) {
                box.add(new H3("Why?"), PolicyUi.explanation(e, names));
                box.scrollIntoView();
            }
        });
    }
}
