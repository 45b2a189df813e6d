package io.sextant.console.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Errors raised by a click or an edit inside a screen: the operator sees what happened in plain
 * words with an error id — a refusal, a database outage, or an unexpected failure — never a trace.
 */
@Component
class ConsoleErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ConsoleErrorHandler::handle));
    }

    static void handle(ErrorEvent event) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        Throwable t = event.getThrowable();
        String message;
        if (find(t, AccessDeniedException.class) != null) {
            message = "You are not allowed to do that; nothing was changed and the refusal was recorded in the audit log. "
                    + "If it needs doing, ask a security admin for the role.";
            log.warn("Refused action (error id {}): {}", errorId, t.getMessage());
        } else if (find(t, DataAccessException.class) != null || find(t, org.jooq.exception.DataAccessException.class) != null) {
            message = "The database is unavailable; nothing was changed. Try again in a moment; if it lasts, send the error id "
                    + "to your platform team.";
            log.error("Database error (error id {})", errorId, t);
        } else {
            message = "Something went wrong; nothing was changed. Try again or reload the page; if it happens again, send the "
                    + "error id to your platform team.";
            log.error("Unexpected error (error id {})", errorId, t);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification n = Notification.show(message + " Error id: " + errorId, 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.setId("error-notification");
            });
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
