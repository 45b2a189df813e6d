package io.sextant.console.ui.changes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.DriftReport;
import io.sextant.platform.changes.DriftService;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Schema drift of one target: its live schema (read in a read-only session) against the snapshot
 * recorded after its last applied change, each difference as DDL. The drift service decides who may.
 */
@Route("changes/drift")
@PageTitle("Schema drift · Sextant")
@Menu(order = 21, icon = "vaadin:split", title = "Schema drift")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SECURITY_ADMIN_NAME, ConsoleRole.COMPLIANCE_NAME})
class DriftView extends VerticalLayout {

    private final DriftService drift;
    private final AsyncTaskExecutor executor;
    private final Select<ChangeTarget> target = new Select<>();
    private final Button run;
    private final Div result = new Div();

    DriftView(DriftService drift, ChangeTargets targets, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.drift = drift;
        this.executor = executor;
        setId("drift-view");
        setMaxWidth("1200px");
        target.setLabel("Target");
        target.setId("drift-target");
        target.setItems(targets.list());
        target.setItemLabelGenerator(ChangeTarget::displayName);
        target.setWidth("420px");
        run = new Button("Check drift", VaadinIcon.SEARCH.create(), e -> check());
        run.setId("run-drift");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(false);
        target.addValueChangeListener(e -> {
            run.setEnabled(e.getValue() != null);
            result.removeAll();
        });
        HorizontalLayout pick = new HorizontalLayout(target, run);
        pick.setAlignItems(Alignment.BASELINE);
        result.setId("drift-result");
        result.setWidthFull();
        add(new H1("Schema drift"), new Paragraph("Compares a target's live schema with what its changes applied through the board "
                + "produced, and shows every difference as DDL. It only reads the target."), pick, result);
    }

    private void check() {
        ChangeTarget t = target.getValue();
        if (t == null) {
            return;
        }
        UI ui = UI.getCurrent();
        result.removeAll();
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setId("drift-progress");
        result.add(bar, new Span("Reading the live schema of " + t.displayName() + "…"));
        run.setEnabled(false);
        target.setReadOnly(true);
        ui.setPollInterval(300);
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            DriftReport report = null;
            RuntimeException failure = null;
            try {
                report = drift.drift(t.targetId());
            } catch (RuntimeException e) {
                failure = e;
            }
            DriftReport r = report;
            RuntimeException f = failure;
            ui.access(() -> {
                ui.setPollInterval(-1);
                run.setEnabled(true);
                target.setReadOnly(false);
                result.removeAll();
                if (f != null) {
                    Paragraph p = new Paragraph("The drift check could not run: " + f.getMessage());
                    p.addClassName("sx-error-text");
                    p.setId("drift-error");
                    result.add(p);
                } else {
                    show(t, r);
                }
            });
        }));
    }

    private void show(ChangeTarget t, DriftReport r) {
        Div summary = new Div();
        summary.setId("drift-summary");
        summary.addClassName("sx-card");
        if (r.baselineVersion() == null) {
            summary.add(new H3("Nothing to compare"), new Paragraph("No change has been applied to " + t.displayName()
                    + " through the board yet, so there is no recorded schema to compare the live one with."));
            result.add(summary);
            return;
        }
        if (!r.drifted()) {
            Span ok = new Span("No drift");
            ok.addClassNames("sx-badge", "sx-badge-active");
            summary.add(new H3(ok), new Paragraph("The live schema of " + t.displayName() + " is exactly what version "
                    + r.baselineVersion() + " left behind."));
            result.add(summary);
            return;
        }
        Span bad = new Span(r.items().size() + (r.items().size() == 1 ? " difference" : " differences"));
        bad.addClassNames("sx-badge", "sx-badge-failed");
        summary.add(new H3(bad), new Paragraph("Since version " + r.baselineVersion() + " the live schema of " + t.displayName()
                + " was changed outside the board. Unexpected and changed objects show their live DDL; missing ones the DDL that would recreate them."));
        result.add(summary);
        for (DriftReport.DriftItem item : r.items()) {
            Div box = new Div();
            box.addClassNames("sx-card", "drift-item");
            Span kind = new Span(item.kind().name().toLowerCase(Locale.ROOT));
            kind.addClassNames("sx-badge", item.kind() == DriftReport.DriftItem.Kind.UNEXPECTED ? "sx-badge-retiring" : "sx-badge-failed");
            HorizontalLayout head = new HorizontalLayout(kind, new Span(item.key()));
            head.setAlignItems(Alignment.BASELINE);
            box.add(head, ChangeView.pre(item.ddl(), "drift-ddl"));
            if (item.kind() == DriftReport.DriftItem.Kind.CHANGED && item.expectedDdl() != null) {
                box.add(new Paragraph("Expected"), ChangeView.pre(item.expectedDdl(), "drift-expected-ddl"));
            }
            result.add(box);
        }
    }
}
