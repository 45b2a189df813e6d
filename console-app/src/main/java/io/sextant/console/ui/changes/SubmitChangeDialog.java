package io.sextant.console.ui.changes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.LintFinding;
import io.sextant.platform.changes.ScriptSyntaxException;
import io.sextant.platform.changes.StatementFailure;
import io.sextant.platform.changes.TargetSchemaService;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Submitting a change: target, version, description, forward and rollback SQL, with the target's
 * schema beside the editor. Submit first shows the relations the change names that do not exist
 * (unknown-table, a warning: "Submit anyway" goes on), and a script PostgreSQL cannot parse comes
 * back positioned in its editor; the text is never lost. The services decide.
 */
class SubmitChangeDialog extends Dialog {

    static final String UNKNOWN_TABLE = "unknown-table";
    private final ChangeRequestService changes;
    private final TargetSchemaService schema;
    private final Consumer<ChangeRequest> submitted;
    final Select<ChangeTarget> target = new Select<>();
    final IntegerField sequence = new IntegerField("Version");
    final TextField description = new TextField("Description");
    final TextArea forward = new TextArea("Forward SQL");
    final TextArea rollback = new TextArea("Rollback SQL (optional: derived where possible)");
    final Span error = new Span();
    final Div findings = new Div();
    final SchemaPanel schemaPanel;
    final Button ok = new Button("Submit", e -> submit());
    /** The forward SQL whose unknown-table findings the author has seen: submitting it again goes on. */
    private @Nullable String warned;

    SubmitChangeDialog(ChangeRequestService changes, TargetSchemaService schema, ChangeTargets targets, Consumer<ChangeRequest> submitted) {
        this.changes = changes;
        this.schema = schema;
        this.submitted = submitted;
        this.schemaPanel = new SchemaPanel(name -> SqlEditor.insertAtCaret(forward, name));
        setHeaderTitle("Submit a change");
        setWidth("min(1240px, 96vw)");
        target.setLabel("Target");
        target.setId("change-target");
        target.setItems(targets.list());
        target.setItemLabelGenerator(t -> t.displayName() + (t.tenantsAffected() > 1 ? " — affects " + t.tenantsAffected() + " tenants" : ""));
        sequence.setId("change-sequence");
        target.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                int next = changes.nextSequence(e.getValue().targetId());
                sequence.setValue(next);
                sequence.setHelperText("Will apply as version " + next + ": a version is fixed when the change applies, after the changes in line ahead of it");
            }
        });
        target.addValueChangeListener(e -> schemaPanel.show(e.getValue() == null ? null
                : filter -> schema.tree(e.getValue().targetId(), filter, SCHEMA_PAGE)));
        description.setId("change-description");
        forward.setId("change-forward");
        rollback.setId("change-rollback");
        for (var f : new com.vaadin.flow.component.HasSize[] {target, description, forward, rollback}) {
            f.setWidthFull();
        }
        forward.setMinHeight("140px");
        forward.addValueChangeListener(e -> cleared(forward));
        rollback.addValueChangeListener(e -> cleared(rollback));
        error.addClassName("sx-error-text");
        findings.setId("change-draft-findings");
        findings.addClassName("sx-warn-text");
        ok.setId("change-submit");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout editor = new VerticalLayout(target, sequence, description, forward, findings, rollback, error);
        editor.setPadding(false);
        schemaPanel.setWidth("500px");
        HorizontalLayout body = new HorizontalLayout(editor, schemaPanel);
        body.setWidthFull();
        body.setFlexGrow(1, editor);
        add(body);
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }

    static final int SCHEMA_PAGE = 200;

    private void submit() {
        try {
            if (target.getValue() == null || sequence.getValue() == null) {
                throw new IllegalArgumentException("Choose a target and a sequence.");
            }
            if (!forward.getValue().equals(warned) && showUnknownTables(target.getValue().targetId())) {
                return;
            }
            ChangeRequest c = changes.submit(new ChangeSubmission(target.getValue().targetId(), sequence.getValue(),
                    description.getValue(), forward.getValue(), rollback.getValue().isBlank() ? null : rollback.getValue()));
            close();
            submitted.accept(c);
        } catch (ScriptSyntaxException ex) {
            error.setText(ex.getMessage());
            pointAt(forward, ex.forward());
            pointAt(rollback, ex.rollback());
        } catch (ChangeRefusedException | IllegalArgumentException ex) {
            error.setText(ex.getMessage());
        }
    }

    /** Lints the draft against the target; true if it names relations that do not exist (shown, and the next submit goes on). */
    private boolean showUnknownTables(String targetId) {
        List<LintFinding> unknown;
        try {
            unknown = schema.lintDraft(targetId, forward.getValue()).findings().stream()
                    .filter(f -> f.ruleId().equals(UNKNOWN_TABLE)).toList();
        } catch (ChangeRefusedException e) {
            return false; // advice only: the submit itself says what is wrong with the target or the role
        }
        findings.removeAll();
        if (unknown.isEmpty()) return false;
        findings.add(new Paragraph(unknown.size() == 1 ? "This change names a table that does not exist:"
                : "This change names " + unknown.size() + " tables that do not exist:"));
        for (LintFinding f : unknown) {
            findings.add(new Paragraph("Line " + f.line() + ", column " + f.column() + ": " + f.why() + " " + f.safeRewrite()));
        }
        findings.add(new Paragraph("Fix the name, or press \"Submit anyway\" if a step outside this change creates it."));
        warned = forward.getValue();
        ok.setText("Submit anyway");
        SqlEditor.selectLine(forward, unknown.getFirst().line());
        return true;
    }

    /** Marks the editor with PostgreSQL's first complaint about it, as "Line 3, column 14: …", and selects that line. */
    private static void pointAt(TextArea area, List<StatementFailure> failures) {
        if (failures.isEmpty()) return;
        StatementFailure f = failures.getFirst();
        area.setErrorMessage("Line " + f.line() + ", column " + f.column() + ": " + f.message());
        area.setInvalid(true);
        SqlEditor.selectLine(area, f.line());
    }

    /** An edit answers what was shown about the old text. */
    private void cleared(TextArea area) {
        area.setInvalid(false);
        area.setErrorMessage(null);
        if (area == forward && !forward.getValue().equals(warned)) {
            findings.removeAll();
            ok.setText("Submit");
        }
    }
}
