package io.sextant.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.SigningKeyInfo;
import io.sextant.platform.identity.SigningKeyService;
import jakarta.annotation.security.RolesAllowed;

/** The identity provider's signing keys and their rotation. */
@Route("security/keys")
@PageTitle("Signing keys · Sextant")
@Menu(order = 81, icon = "vaadin:key", title = "Signing keys")
@RolesAllowed(ConsoleRole.SECURITY_ADMIN_NAME)
class SigningKeysView extends VerticalLayout {

    private final SigningKeyService keys;
    private final Grid<SigningKeyInfo> grid = new Grid<>();

    SigningKeysView(SigningKeyService keys) {
        this.keys = keys;
        setId("signing-keys-view");
        add(new H1("Signing keys"), new Paragraph("A rotation publishes a new key first; it starts signing after the publish "
                + "lead time, and the old key stays published until the tokens it signed have expired. Retired keys are "
                + "erased and their tokens refused."));
        Button rotate = new Button("Rotate now", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Rotate the signing key?",
                    "A new key will be published now and begin signing after the lead time.", "Rotate", ev -> {
                        SigningKeyInfo k = keys.rotate();
                        Notification.show("Key " + k.kid() + " published; signs from " + Formats.dateTime(k.activateAfter()));
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        rotate.setId("rotate-key");
        rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("signing-keys-grid");
        grid.addColumn(SigningKeyInfo::kid).setHeader("Key id").setAutoWidth(true);
        grid.addComponentColumn(k -> {
            Span s = new Span(k.state().name().toLowerCase());
            s.addClassNames("sx-badge", "sx-badge-" + k.state().name().toLowerCase());
            return s;
        }).setHeader("State").setAutoWidth(true);
        grid.addColumn(SigningKeyInfo::algorithm).setHeader("Algorithm").setAutoWidth(true);
        grid.addColumn(k -> Formats.dateTime(k.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        grid.addColumn(k -> Formats.dateTime(k.activatedAt() != null ? k.activatedAt() : k.activateAfter())).setHeader("Signs from").setAutoWidth(true);
        grid.addColumn(k -> Formats.dateTime(k.retiredAt() != null ? k.retiredAt() : k.retireAfter())).setHeader("Retired / retires").setAutoWidth(true);
        add(rotate, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }
}
