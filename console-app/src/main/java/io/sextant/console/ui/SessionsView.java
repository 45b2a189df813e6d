package io.sextant.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.ConsoleSessionService;
import io.sextant.platform.identity.ConsoleSessionService.SessionInfo;
import jakarta.annotation.security.RolesAllowed;

/** Open console sessions; a security admin ends one session or all sessions of an operator. */
@Route("security/sessions")
@PageTitle("Sessions · Sextant")
@Menu(order = 80, icon = "vaadin:users", title = "Sessions")
@RolesAllowed(ConsoleRole.SECURITY_ADMIN_NAME)
class SessionsView extends VerticalLayout {

    private final ConsoleSessionService sessions;
    private final Grid<SessionInfo> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("No console session is open.");

    SessionsView(ConsoleSessionService sessions) {
        this.sessions = sessions;
        setId("sessions-view");
        add(new H1("Console sessions"), new Paragraph("Ending a session signs that operator out at their next click, "
                + "on every console node. Sessions also end after 30 minutes idle or 12 hours in all."));
        grid.setId("sessions-grid");
        grid.addColumn(SessionInfo::username).setHeader("Operator").setAutoWidth(true);
        grid.addColumn(s -> s.clientAddress() == null ? "—" : s.clientAddress()).setHeader("Address").setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.createdAt())).setHeader("Signed in (UTC)").setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.lastSeenAt())).setHeader("Last seen (UTC)").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button end = new Button("End session", e -> {
                sessions.endSession(s.sessionKey());
                Notification.show("Session of " + s.username() + " ended");
                refresh();
            });
            end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            end.setId("end-session-" + s.sessionKey());
            return end;
        }).setHeader("");
        grid.addComponentColumn(s -> {
            Button all = new Button("End all of " + s.username(), e -> {
                int n = sessions.endAllSessionsOf(s.username());
                Notification.show(n + " session(s) of " + s.username() + " ended");
                refresh();
            });
            all.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return all;
        }).setHeader("");
        add(grid, empty);
        refresh();
    }

    private void refresh() {
        var open = sessions.open();
        grid.setItems(open);
        grid.setVisible(!open.isEmpty());
        empty.setVisible(open.isEmpty());
    }
}
