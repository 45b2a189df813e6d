package io.sextant.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.identity.PersonalAccessTokenService;
import io.sextant.platform.identity.PersonalAccessTokenService.TokenSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;

/** The signed-in operator's personal access tokens for {@code /api/v1}: create (shown once) and revoke. */
@Route("account/tokens")
@PageTitle("Access tokens · Sextant")
@Menu(order = 90, icon = "vaadin:password", title = "Access tokens")
@PermitAll
class AccessTokensView extends VerticalLayout {

    private final PersonalAccessTokenService tokens;
    private final Grid<TokenSummary> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("You have no personal access tokens yet.");

    AccessTokensView(PersonalAccessTokenService tokens) {
        this.tokens = tokens;
        setId("access-tokens-view");
        TextField name = new TextField("Token name");
        name.setId("token-name");
        name.setPlaceholder("e.g. nightly report script");
        Select<Integer> days = new Select<>();
        days.setLabel("Expires after");
        days.setItems(7, 30, 90, 365);
        days.setItemLabelGenerator(d -> d + " days");
        days.setValue(30);
        Paragraph secret = new Paragraph();
        secret.setId("token-secret");
        Button create = new Button("Create token", e -> {
            try {
                var issued = tokens.create(name.getValue(), Duration.ofDays(days.getValue()));
                secret.removeAll();
                secret.add(new com.vaadin.flow.component.html.Span("Copy it now; it will not be shown again: "), new Code(issued.secret()));
                name.clear();
                refresh();
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage());
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, days, create);
        form.setAlignItems(Alignment.BASELINE);
        grid.setId("tokens-grid");
        grid.addColumn(TokenSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.expiresAt())).setHeader("Expires (UTC)").setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (t.revokedAt() != null) {
                return new com.vaadin.flow.component.html.Span("revoked " + Formats.dateTime(t.revokedAt()));
            }
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(t.tokenId());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setHeader("");
        add(new H1("Personal access tokens"), new Paragraph("Use a token as a bearer token for /api/v1. It acts with your "
                + "current roles, and only its hash is stored."), form, secret, grid, empty);
        refresh();
    }

    private void refresh() {
        var mine = tokens.mine();
        grid.setItems(mine);
        grid.setVisible(!mine.isEmpty());
        empty.setVisible(mine.isEmpty());
    }
}
