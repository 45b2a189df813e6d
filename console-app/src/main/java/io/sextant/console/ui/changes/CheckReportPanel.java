package io.sextant.console.ui.changes;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.sextant.platform.changes.ChangeCheckResult;
import io.sextant.platform.changes.LintFinding;
import io.sextant.platform.changes.StatementMeasurement;
import io.sextant.platform.changes.StatementMeasurement.ObservedLock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The result of a change's checks: risk, lint findings, shadow measurements, disagreements and the rollback round trip. */
final class CheckReportPanel {

    private CheckReportPanel() {
    }

    static VerticalLayout of(ChangeCheckResult r) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setId("check-report");
        var risk = r.risk();
        Span level = new Span("Risk " + risk.level().name().toLowerCase(Locale.ROOT) + (risk.blocked() ? " · blocked" : "")
                + (risk.needsApproval() ? " · needs approval" : " · no approval needed"));
        level.addClassNames("sx-badge", risk.blocked() ? "sx-badge-failed" : risk.needsApproval() ? "sx-badge-published" : "sx-badge-active");
        level.setId("change-risk");
        panel.add(new H2("Checks"), level);
        risk.reasons().forEach(reason -> panel.add(new Paragraph("• " + reason)));

        panel.add(new H3("Static lint"));
        panel.add(lint(r.shadow().lint().findings(), "lint-grid"));
        if (r.rollbackLint() != null) {
            panel.add(new H3("Rollback lint"));
            panel.add(lint(r.rollbackLint().findings(), "rollback-lint-grid"));
        }

        panel.add(new H3("Measured on a shadow copy"));
        if (r.shadow().failure() != null) {
            var f = r.shadow().failure();
            Paragraph p = new Paragraph("Statement " + (f.statementIndex() + 1) + " failed on the shadow: " + f.message()
                    + " — the live target was not touched.");
            p.setId("shadow-failure");
            p.addClassName("sx-error-text");
            panel.add(p);
        }
        Grid<StatementMeasurement> shadow = new Grid<>();
        shadow.setId("shadow-grid");
        shadow.addColumn(m -> m.index() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        shadow.addColumn(m -> abbreviate(m.sql())).setHeader("Statement");
        shadow.addColumn(m -> m.locks().stream().filter(ObservedLock::granted).sorted(Comparator.comparingInt(ObservedLock::strength).reversed())
                .map(l -> l.mode() + " on " + l.relation()).distinct().limit(3).collect(Collectors.joining("; "))).setHeader("Locks observed");
        shadow.addColumn(m -> m.rewritten().isEmpty() ? "no" : String.join(", ", m.rewritten())).setHeader("Rewritten").setAutoWidth(true);
        shadow.addColumn(m -> String.format(Locale.ROOT, "%.1f ms", m.durationMillis())).setHeader("Took").setAutoWidth(true).setFlexGrow(0);
        shadow.addColumn(m -> m.projection() == null ? "—" : String.format(Locale.ROOT, "%.0f ± %.0f ms at %,d rows",
                m.projection().projectedMillis(), m.projection().errorMillis(), m.projection().liveRows())).setHeader("Projected lock time")
                .setAutoWidth(true);
        shadow.setItems(r.shadow().statements());
        shadow.setAllRowsVisible(true);
        panel.add(shadow);
        r.shadow().disagreements().forEach(d -> panel.add(new Paragraph("Lint and measurement disagree on statement "
                + (d.statementIndex() + 1) + ": lint says " + d.lintSays() + "; measured " + d.measured() + ".")));
        r.shadow().notes().forEach(n -> panel.add(new Paragraph(n)));

        panel.add(new H3("Rollback round trip"));
        var rb = r.rollback();
        Div verdict = new Div(new Span(switch (rb.status()) {
            case VERIFIED -> "Verified: forward then rollback leaves the schema and the sampled data exactly as they were.";
            case DIFFERS -> "The rollback does not restore the original: " + String.join("; ", rb.schemaDifferences())
                    + (rb.dataDifferences().isEmpty() ? "" : " · data: " + String.join("; ", rb.dataDifferences()));
            case FAILED -> "The rollback failed on the shadow: " + (rb.failure() == null ? "" : rb.failure().message());
            case IRREVERSIBLE -> "Irreversible: " + String.join("; ", rb.irreversible());
        }));
        verdict.setId("rollback-verdict");
        panel.add(verdict);
        if (!rb.warnings().isEmpty()) {
            // not blocking (e.g. a sequence advanced by use), but worth knowing before approving
            Div warnings = new Div();
            warnings.setId("rollback-warnings");
            rb.warnings().forEach(w -> warnings.add(new Paragraph("Warning: " + w)));
            panel.add(warnings);
        }
        return panel;
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ").strip();
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }

    /** Findings with their full text (cells wrap: "why it matters" and "safe rewrite" are what a reviewer reads), or "No finding." */
    static com.vaadin.flow.component.Component lint(java.util.List<LintFinding> findings, String id) {
        if (findings.isEmpty()) {
            Paragraph none = new Paragraph("No finding.");
            none.setId(id);
            return none;
        }
        Grid<LintFinding> lint = new Grid<>();
        lint.setId(id);
        lint.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        lint.addColumn(f -> f.severity().name().toLowerCase(Locale.ROOT)).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        lint.addColumn(LintFinding::ruleId).setHeader("Rule").setAutoWidth(true);
        lint.addColumn(f -> f.line() + ":" + f.column()).setHeader("At").setAutoWidth(true).setFlexGrow(0);
        lint.addColumn(LintFinding::lockTaken).setHeader("Lock it takes").setFlexGrow(1);
        lint.addColumn(LintFinding::why).setHeader("Why it matters").setFlexGrow(3);
        lint.addColumn(LintFinding::safeRewrite).setHeader("Safe rewrite").setFlexGrow(2);
        lint.setItems(findings);
        lint.setAllRowsVisible(true);
        return lint;
    }
}
