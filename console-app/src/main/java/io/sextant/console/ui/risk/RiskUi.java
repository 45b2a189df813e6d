package io.sextant.console.ui.risk;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Small pieces the risk panels share. */
final class RiskUi {

    private RiskUi() {
    }

    static boolean mayWrite() {
        return CurrentRoles.has(ConsoleRole.OPERATOR) || CurrentRoles.has(ConsoleRole.SECURITY_ADMIN);
    }

    /** Runs a service call; a refusal or bad input becomes a notification, and what the user typed stays. */
    static <T> @Nullable T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            error(message(e));
            return null;
        }
    }

    static String message(RuntimeException e) {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            String why = e.getMessage() == null || e.getMessage().equals("Access Denied") ? "your roles do not permit this" : e.getMessage();
            return "Not allowed: " + why + ". The refusal was recorded in the audit log.";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static Paragraph empty(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-style", "italic");
        return p;
    }

    static Span badge(String text, String kind) {
        Span s = new Span(text);
        s.addClassNames("sx-badge", "sx-badge-" + kind);
        return s;
    }
}
