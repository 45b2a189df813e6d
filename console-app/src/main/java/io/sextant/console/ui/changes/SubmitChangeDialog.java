package io.sextant.console.ui.changes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
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
import java.util.function.Consumer;

/** Submitting a change: target, version, description, forward and rollback SQL; the services decide. */
class SubmitChangeDialog extends Dialog {

    private final ChangeRequestService changes;
    private final Consumer<ChangeRequest> submitted;
    final Select<ChangeTarget> target = new Select<>();
    final IntegerField sequence = new IntegerField("Sequence (next version for the target)");
    final TextField description = new TextField("Description");
    final TextArea forward = new TextArea("Forward SQL");
    final TextArea rollback = new TextArea("Rollback SQL (optional: derived where possible)");
    final Span error = new Span();

    SubmitChangeDialog(ChangeRequestService changes, ChangeTargets targets, Consumer<ChangeRequest> submitted) {
        this.changes = changes;
        this.submitted = submitted;
        setHeaderTitle("Submit a change");
        setWidth("760px");
        target.setLabel("Target");
        target.setId("change-target");
        target.setItems(targets.list());
        target.setItemLabelGenerator(t -> t.displayName() + (t.tenantsAffected() > 1 ? " — affects " + t.tenantsAffected() + " tenants" : ""));
        sequence.setId("change-sequence");
        target.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                sequence.setValue(changes.list(e.getValue().targetId()).stream().mapToInt(ChangeRequest::sequence).max().orElse(0) + 1);
            }
        });
        description.setId("change-description");
        forward.setId("change-forward");
        rollback.setId("change-rollback");
        for (var f : new com.vaadin.flow.component.HasSize[] {target, description, forward, rollback}) {
            f.setWidthFull();
        }
        forward.setMinHeight("140px");
        error.addClassName("sx-error-text");
        Button ok = new Button("Submit", e -> submit());
        ok.setId("change-submit");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(target, sequence, description, forward, rollback, error));
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }

    private void submit() {
        try {
            if (target.getValue() == null || sequence.getValue() == null) {
                throw new IllegalArgumentException("Choose a target and a sequence.");
            }
            ChangeRequest c = changes.submit(new ChangeSubmission(target.getValue().targetId(), sequence.getValue(),
                    description.getValue(), forward.getValue(), rollback.getValue().isBlank() ? null : rollback.getValue()));
            close();
            submitted.accept(c);
        } catch (ChangeRefusedException | IllegalArgumentException ex) {
            error.setText(ex.getMessage());
        }
    }
}
