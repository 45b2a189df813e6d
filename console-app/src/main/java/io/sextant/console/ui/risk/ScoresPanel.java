package io.sextant.console.ui.risk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ui.ChartOptions;
import io.sextant.console.ui.Formats;
import io.sextant.frontend.EChart;
import io.sextant.platform.risk.Contribution;
import io.sextant.platform.risk.Fixed;
import io.sextant.platform.risk.RiskModelService;
import io.sextant.platform.risk.RiskModelVersion;
import io.sextant.platform.risk.RiskRequest;
import io.sextant.platform.risk.RiskScore;
import io.sextant.platform.risk.RiskScoreService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/** Score a request, the recent scores with "why risky", and the distribution of scores. */
class ScoresPanel extends VerticalLayout {

    private final RiskScoreService scores;
    private final UUID projectId;
    private final Div result = new Div();
    private final Div detail = new Div();
    private final Grid<RiskScore> recent = new Grid<>();
    private final EChart chart = new EChart();

    ScoresPanel(RiskScoreService scores, RiskModelService models, UUID projectId) {
        this.scores = scores;
        this.projectId = projectId;
        setPadding(false);
        setId("risk-scores-panel");
        List<RiskScore> latest;
        try {
            latest = scores.recent(projectId, 100);
        } catch (AccessDeniedException e) {
            add(RiskUi.empty("risk-refused", RiskUi.message(e)));
            return;
        }
        Optional<RiskModelVersion> published = models.published(projectId);
        if (published.isEmpty()) {
            add(RiskUi.empty("risk-no-model", "No published risk model yet: write one under Model, propose it, and have a security admin approve it."));
        } else {
            RiskModelVersion v = published.get();
            Paragraph p = new Paragraph("Scored with model " + v.versionHash().substring(0, 12) + " · threshold " + Fixed.format(v.threshold())
                    + " · approved by " + v.decidedBy() + " on " + Formats.dateTime(v.decidedAt()));
            p.setId("risk-published");
            add(p);
            if (RiskUi.mayWrite()) {
                add(new H3("Score a request"), form());
            }
        }
        if (latest.stream().anyMatch(RiskScore::valuesMasked)) {
            add(RiskUi.empty("risk-masked", "Amounts, places and counts are hidden (•••): your role may not see this tenant's data. "
                    + "Points and reasons are shown."));
        }
        add(new H3("Recent scores"));
        if (latest.isEmpty()) {
            add(RiskUi.empty("risk-recent-empty", "No scores yet."));
            return;
        }
        chart.setId("risk-distribution-chart");
        chart.setHeight("220px");
        chart.setWidthFull();
        add(chart);
        refreshChart();
        recent.setId("risk-recent");
        recent.addColumn(s -> Formats.dateTime(s.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
        recent.addColumn(RiskScore::principal).setHeader("Principal").setAutoWidth(true);
        recent.addColumn(RiskScore::action).setHeader("Action").setAutoWidth(true);
        recent.addColumn(s -> s.prefiltered() ? "≤ " + Fixed.format(s.bound()) : Fixed.format(s.score())).setHeader("Score").setAutoWidth(true);
        recent.addComponentColumn(ScoresPanel::outcome).setHeader("Outcome").setAutoWidth(true);
        recent.setItems(latest);
        recent.setWidthFull();
        recent.setHeight("320px");
        recent.asSingleSelect().addValueChangeListener(e -> show(e.getValue(), detail));
        detail.setId("risk-detail");
        detail.setWidthFull();
        add(recent, detail);
    }

    static com.vaadin.flow.component.Component outcome(RiskScore s) {
        return s.flagged() ? RiskUi.badge("flagged", "refused") : s.prefiltered() ? RiskUi.badge("fast prefilter", "draft")
                : RiskUi.badge("not flagged", "succeeded");
    }

    private FlexLayout form() {
        TextField principal = field("risk-principal", "Principal", "user-7");
        TextField action = field("risk-action", "Action", "payment");
        action.setValue("payment");
        TextField amount = field("risk-amount", "Amount", "42.50");
        TextField address = field("risk-address", "Client address", "10.0.0.7");
        TextField device = field("risk-device", "Device", "device-7");
        TextField lat = field("risk-latitude", "Latitude", "48.8566");
        TextField lon = field("risk-longitude", "Longitude", "2.3522");
        Button run = new Button("Score", e -> {
            RiskScore s = RiskUi.attempt(() -> scores.score(projectId, new RiskRequest(principal.getValue().strip(), action.getValue().strip(),
                    decimal(amount, 3), blankToNull(address), blankToNull(device), micro(lat, 90), micro(lon, 180), null, null)));
            if (s != null) {
                show(s, result);
                refreshChart();
            }
        });
        run.setId("risk-score-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("risk-score-result");
        result.setWidthFull();
        FlexLayout form = new FlexLayout(principal, action, amount, address, device, lat, lon, run, result);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        return form;
    }

    private static TextField field(String id, String label, String placeholder) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setPlaceholder(placeholder);
        f.setWidth("10rem");
        return f;
    }

    private static String blankToNull(TextField f) {
        return f.getValue().isBlank() ? null : f.getValue().strip();
    }

    private static Long decimal(TextField f, int places) {
        if (f.getValue().isBlank()) {
            return null;
        }
        try {
            return Fixed.thousandths(new BigDecimal(f.getValue().strip()), f.getLabel());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f.getLabel() + " must be a number such as 42.50 (got \"" + f.getValue() + "\")");
        }
    }

    private static Long micro(TextField f, int limit) {
        if (f.getValue().isBlank()) {
            return null;
        }
        try {
            return Fixed.microDegrees(new BigDecimal(f.getValue().strip()), f.getLabel(), limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f.getLabel() + " must be a number of degrees such as 48.8566 (got \"" + f.getValue() + "\")");
        }
    }

    private void refreshChart() {
        long[] buckets = scores.distribution(projectId, Duration.ofDays(7));
        Map<String, Integer> bars = new LinkedHashMap<>();
        for (int i = 0; i < buckets.length; i++) {
            bars.put(i == 9 ? "90+" : (i * 10) + "–" + (i * 10 + 9), (int) buckets[i]);
        }
        chart.setOption(ChartOptions.stackedBars(Map.of("scores in the last 7 days", bars), "requests"));
    }

    /** A score's summary, "why risky" and every feature with its lineage. */
    static void show(RiskScore s, Div into) {
        into.removeAll();
        if (s == null) {
            return;
        }
        Paragraph summary = new Paragraph(outcome(s), new com.vaadin.flow.component.html.Span(" " + s.principal() + " · " + s.action() + " · "
                + s.summary()));
        summary.setId(into.getId().orElse("risk") + "-summary");
        UnorderedList why = new UnorderedList();
        why.setId(into.getId().orElse("risk") + "-why");
        s.why().forEach(w -> why.add(new ListItem(w)));
        UnorderedList features = new UnorderedList();
        for (Contribution c : s.contributions()) {
            features.add(new ListItem(c.feature() + "@" + c.definitionVersion() + " (" + c.stage().dbValue() + "): "
                    + (c.skipped() ? "skipped by the fast prefilter" : c.words() + " → " + Fixed.format(c.points()) + " of " + Fixed.format(c.cap()))
                    + (c.readIds().isEmpty() ? "" : " · read requests " + c.readIds())));
        }
        into.addClassName("sx-card");
        into.add(summary, new com.vaadin.flow.component.html.H4("Why risky"), why,
                new com.vaadin.flow.component.html.H4("Every feature, with the recorded requests it read"), features,
                new Paragraph("Model " + s.modelHash().substring(0, 12) + " · score digest " + s.digest().substring(0, 16)));
    }
}
