package io.sextant.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.sextant.platform.identity.FirstAdministratorSetup;

/**
 * The one-time first-administrator step of a new installation (no layout, no navigation). Only
 * someone who can read the setup-code file on the server can complete it; it closes for good once
 * an operator exists.
 */
@Route(value = "setup", autoLayout = false)
@PageTitle("First administrator · Sextant")
@AnonymousAllowed
class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private final FirstAdministratorSetup setup;

    SetupView(FirstAdministratorSetup setup) {
        this.setup = setup;
        setId("setup-view");
        setMaxWidth("30rem");
        getStyle().set("margin", "6vh auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Create the first administrator"));
        if (!setup.isOpen()) {
            add(new Paragraph("This installation already has operators. Sign in instead."), new Anchor("/", "Go to the console"));
            return;
        }
        add(new Paragraph("Enter the one-time setup code that the console wrote to its setup-code file when it started "
                + "(see the README), then choose the administrator's username and password."));
        TextField code = new TextField("Setup code");
        code.setId("setup-code");
        TextField username = new TextField("Username");
        username.setId("setup-username");
        TextField displayName = new TextField("Display name");
        PasswordField password = new PasswordField("Password (at least 12 characters)");
        password.setId("setup-password");
        Paragraph result = new Paragraph();
        result.setId("setup-result");
        Button create = new Button("Create administrator", e -> {
            try {
                setup.complete(code.getValue(), username.getValue(), displayName.getValue(), password.getValue());
                removeAll();
                add(new H1("Administrator created"), new Paragraph("Sign in with the new account."), new Anchor("/", "Sign in"));
            } catch (FirstAdministratorSetup.SetupRefusedException | IllegalArgumentException | IllegalStateException ex) {
                result.setText(ex.getMessage());
                result.addClassName("sx-error-text");
            }
        });
        create.setId("setup-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        for (var f : new com.vaadin.flow.component.HasSize[] {code, username, displayName, password}) {
            f.setWidthFull();
        }
        add(code, username, displayName, password, create, result);
    }
}
