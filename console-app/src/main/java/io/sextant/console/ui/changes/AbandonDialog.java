package io.sextant.console.ui.changes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import java.util.function.Consumer;

/** Abandons a change for good, with the reason the audit trail keeps. */
class AbandonDialog extends Dialog {

    /** {@code callback} takes the reason and throws {@link ChangeRefusedException} when the board refuses. */
    AbandonDialog(ChangeRequest c, Consumer<String> callback) {
        setHeaderTitle("Abandon change #" + c.sequence());
        setId("abandon-dialog");
        setWidth("560px");
        TextField reason = new TextField("Why");
        reason.setId("abandon-reason");
        reason.setWidthFull();
        Span error = new Span();
        error.setId("abandon-error");
        error.addClassName("sx-error-text");
        Button ok = new Button("Abandon", e -> {
            try {
                callback.accept(reason.getValue());
                close();
            } catch (ChangeRefusedException ex) {
                error.setText(ex.getMessage());
            }
        });
        ok.setId("abandon-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(new Paragraph("An abandoned change leaves the queue for good: the changes behind it move up and "
                + "take its version. It cannot be revised afterwards; submit a new change instead."), reason, error));
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }
}
