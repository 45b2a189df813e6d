package io.sextant.console.ui.changes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.SchemaTree;
import io.sextant.platform.changes.ScriptSyntaxException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A new revision of a change, from its current SQL: same change and place in the queue, new content
 * hash, approvals void. The target's schema stands beside the editor, as when submitting; a refusal
 * stays in the dialog with what was typed, a syntax error marked at its line.
 */
class ReviseDialog extends Dialog {

    /** Saves the revision; throws {@link ChangeRefusedException} when the board refuses it. */
    @FunctionalInterface
    interface ReviseCallback {
        void revise(String forwardSql, @Nullable String rollbackSql, String note);
    }

    ReviseDialog(ChangeRequest c, @Nullable Function<String, SchemaTree> schema, ReviseCallback callback) {
        setHeaderTitle("Revise change #" + c.sequence() + " (revision " + (c.revision() + 1) + ")");
        setWidth("1200px");
        setId("revise-dialog");
        TextArea forward = new TextArea("Forward SQL");
        forward.setId("revise-forward");
        forward.setValue(c.forwardSql());
        forward.setMinHeight("140px");
        TextArea rollback = new TextArea("Rollback SQL (optional: derived where possible)");
        rollback.setId("revise-rollback");
        rollback.setValue(c.rollbackSql() == null || c.rollbackDerived() ? "" : c.rollbackSql());
        TextField note = new TextField("What changed (kept in the audit trail)");
        note.setId("revise-note");
        for (var f : new com.vaadin.flow.component.HasSize[] {forward, rollback, note}) {
            f.setWidthFull();
        }
        Span error = new Span();
        error.setId("revise-error");
        error.addClassName("sx-error-text");
        Button ok = new Button("Save revision", e -> {
            try {
                callback.revise(forward.getValue(), rollback.getValue().isBlank() ? null : rollback.getValue(), note.getValue());
                close();
            } catch (ScriptSyntaxException ex) {
                error.setText(ex.getMessage());
                if (!ex.forward().isEmpty()) {
                    SqlEditor.selectLine(forward, ex.forward().getFirst().line());
                }
            } catch (ChangeRefusedException ex) {
                error.setText(ex.getMessage());
            }
        });
        ok.setId("revise-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout editor = new VerticalLayout(new Paragraph("The change keeps its id and its place in the queue; its content hash moves, "
                + "approvals of the current content no longer count, and it is checked again."), forward, rollback, note, error);
        SchemaPanel panel = new SchemaPanel(name -> SqlEditor.insertAtCaret(forward, name));
        panel.setWidth("440px");
        panel.show(schema);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout body = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(editor, panel);
        body.setWidthFull();
        body.setFlexGrow(1, editor);
        add(body);
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }
}
