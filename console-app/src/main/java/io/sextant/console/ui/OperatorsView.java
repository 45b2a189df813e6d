package io.sextant.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.OperatorService;
import io.sextant.platform.identity.OperatorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Operators of the console and their roles; a security admin adds native operators. */
@Route("security/operators")
@PageTitle("Operators · Sextant")
@Menu(order = 79, icon = "vaadin:user-card", title = "Operators")
@RolesAllowed(ConsoleRole.SECURITY_ADMIN_NAME)
class OperatorsView extends VerticalLayout {

    private final OperatorService operators;
    private final Grid<OperatorSummary> grid = new Grid<>();

    OperatorsView(OperatorService operators) {
        this.operators = operators;
        setId("operators-view");
        Button add = new Button("Add operator", e -> openCreateDialog());
        add.setId("add-operator");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("operators-grid");
        grid.addColumn(OperatorSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(OperatorSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(o -> o.roles().stream().map(ConsoleRole::label).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles");
        grid.addColumn(OperatorSummary::source).setHeader("Signs in with").setAutoWidth(true);
        grid.addColumn(o -> o.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        add(new H1("Operators"), new Paragraph("Native operators sign in at the built-in identity provider; operators "
                + "from an external provider appear here after their first sign-in."), add, grid);
        refresh();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add operator");
        TextField username = new TextField("Username");
        username.setId("new-operator-username");
        TextField name = new TextField("Display name");
        EmailField email = new EmailField("Email");
        PasswordField password = new PasswordField("Initial password (12+ characters)");
        password.setId("new-operator-password");
        CheckboxGroup<ConsoleRole> roles = new CheckboxGroup<>("Roles");
        roles.setItems(ConsoleRole.values());
        roles.setItemLabelGenerator(ConsoleRole::label);
        Paragraph error = new Paragraph();
        error.addClassName("sx-error-text");
        Button save = new Button("Create", e -> {
            try {
                operators.create(username.getValue(), name.getValue(), email.getValue().isBlank() ? null : email.getValue(),
                        password.getValue(), roles.getValue());
                dialog.close();
                Notification.show("Operator " + username.getValue() + " created");
                refresh();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("create-operator");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(username, name, email, password, roles, error));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(operators.list());
    }
}
