package io.sextant.console.ui.risk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.sextant.console.ui.Formats;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import io.sextant.platform.risk.Fixed;
import io.sextant.platform.risk.ModelSyntaxException;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskModelService;
import io.sextant.platform.risk.RiskModelVersion;
import java.util.UUID;

/** The model editor (checked with positioned errors), the versions with their state, and their review. */
class ModelPanel extends VerticalLayout {

    private final RiskModelService models;
    private final UUID projectId;
    private final TextArea editor = new TextArea("Model");
    private final Span checkResult = new Span();
    private final Grid<RiskModelVersion> versions = new Grid<>();
    /** The publication the reviewer is looking at: an approval only moves the project on from it (optimistic lock). */
    private int seenPublication;

    ModelPanel(RiskModelService models, UUID projectId) {
        this.models = models;
        this.projectId = projectId;
        setPadding(false);
        setId("risk-model-panel");
        editor.setId("risk-model-editor");
        editor.setWidthFull();
        editor.setMinHeight("200px");
        editor.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        editor.setValue(models.published(projectId).map(RiskModelVersion::source).orElse("threshold 60;\nfeature amount weight 20 when value >= 1000;\n"));
        editor.setHelperText("threshold N;  feature <name> weight W [per S above B] [cap C] [when value <op> N [and|or …]];  (docs/risk-models.md)");
        Button check = new Button("Check", e -> check());
        check.setId("risk-model-check");
        checkResult.setId("risk-model-check-result");
        HorizontalLayout actions = new HorizontalLayout(check);
        if (RiskUi.mayWrite()) {
            Button save = new Button("Save draft", e -> {
                RiskModelVersion v = RiskUi.attempt(() -> models.saveDraft(projectId, editor.getValue()));
                if (v != null) {
                    Notification.show("Saved draft " + v.versionHash().substring(0, 12));
                    refresh();
                }
            });
            save.setId("risk-model-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(save);
        }
        actions.add(checkResult);
        actions.setAlignItems(Alignment.BASELINE);
        UnorderedList features = new UnorderedList();
        features.setId("risk-features");
        models.features().forEach(f -> features.add(new ListItem(f.name() + " (version " + f.version() + ", " + f.stage().dbValue() + ", "
                + f.unit() + "): " + f.description())));
        add(new H3("Model text"), editor, actions, new H3("Features"), features, new H3("Versions"), versions);

        versions.setId("risk-model-versions");
        versions.addColumn(v -> v.versionHash().substring(0, 12)).setHeader("Version").setAutoWidth(true);
        versions.addComponentColumn(v -> RiskUi.badge(v.state(), switch (v.state()) {
            case "published" -> "succeeded";
            case "rejected" -> "refused";
            default -> "draft";
        })).setHeader("State").setAutoWidth(true);
        versions.addColumn(v -> "threshold " + Fixed.format(v.threshold())).setHeader("Threshold").setAutoWidth(true);
        versions.addColumn(RiskModelVersion::author).setHeader("Author").setAutoWidth(true);
        versions.addColumn(v -> v.proposedBy() == null ? "—" : v.proposedBy()).setHeader("Proposed by").setAutoWidth(true);
        versions.addColumn(v -> v.decidedBy() == null ? "—" : v.decidedBy()).setHeader("Decided by").setAutoWidth(true);
        versions.addColumn(v -> Formats.dateTime(v.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        versions.setAllRowsVisible(true);
        versions.setWidthFull();
        HorizontalLayout review = new HorizontalLayout();
        Button load = new Button("Load into editor", e -> versions.asSingleSelect().getOptionalValue().ifPresent(v -> editor.setValue(v.source())));
        load.setId("risk-model-load");
        review.add(load);
        if (RiskUi.mayWrite()) {
            Button propose = new Button("Propose", e -> act(v -> models.propose(projectId, v.versionHash()), "Proposed"));
            propose.setId("risk-model-propose");
            review.add(propose);
        }
        if (CurrentRoles.has(ConsoleRole.SECURITY_ADMIN)) {
            Button approve = new Button("Approve and publish", e -> act(v -> models.approve(projectId, v.versionHash(), seenPublication),
                    "Published"));
            approve.setId("risk-model-approve");
            Button reject = new Button("Reject", e -> act(v -> models.reject(projectId, v.versionHash(), "rejected in the console"), "Rejected"));
            reject.setId("risk-model-reject");
            review.add(approve, reject);
        }
        add(review);
        refresh();
    }

    private void act(java.util.function.Function<RiskModelVersion, RiskModelVersion> step, String done) {
        versions.asSingleSelect().getOptionalValue().ifPresentOrElse(v -> {
            RiskModelVersion after = RiskUi.attempt(() -> step.apply(v));
            if (after != null) {
                Notification.show(done + " " + after.versionHash().substring(0, 12));
                refresh();
            }
        }, () -> RiskUi.error("Choose a version first"));
    }

    private void refresh() {
        seenPublication = models.publicationVersion(projectId);
        versions.setItems(models.versions(projectId));
    }

    void check() {
        checkResult.removeClassName("sx-error-text");
        try {
            RiskModel m = models.check(editor.getValue());
            checkResult.setText("Compiles: " + m.terms().size() + " feature(s), threshold " + Fixed.format(m.threshold()) + ", at most "
                    + Fixed.format(m.maxScore()) + " points, version " + m.hash().substring(0, 12));
        } catch (ModelSyntaxException e) {
            checkResult.setText("Line " + e.line() + ", column " + e.column() + ": " + e.problem());
            checkResult.addClassName("sx-error-text");
        }
    }
}
