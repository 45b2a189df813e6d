package io.sextant.console.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Any unexpected error while opening a screen: a clear message, what to do next and an error id
 * that matches the server log — never a stack trace. A database outage gets its own words, and a
 * service that refuses the operator while the screen opens is shown as the refusal it is (the
 * service's refusal is already audited where it was decided).
 */
@PageTitle("Something went wrong · Sextant")
@ParentLayout(MainLayout.class)
@AnonymousAllowed // an anonymous screen (/setup) that fails must show this page, not bounce to a sign-in that fails too
class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    ErrorView() {
        setId("error-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        Exception e = parameter.getException();
        boolean database = isDatabaseOutage(e);
        boolean refused = !database && isRefusal(e);
        removeAll();
        if (database) {
            log.error("Error id {} while opening {}", errorId, event.getLocation().getPath(), e);
            add(new H1("Database unavailable"), new Paragraph("Sextant cannot reach its PostgreSQL database, so it shows "
                    + "nothing rather than stale or partial data. Nothing was changed."), new Paragraph("What to do: reload "
                    + "in a few seconds. If it lasts, check the database server; quote the error id when you report it."));
        } else if (refused) {
            log.warn("Error id {}: refused while opening {}: {}", errorId, event.getLocation().getPath(), e.toString());
            add(new H1("Not allowed"), new Paragraph("Your roles do not allow what this screen needs to show. "
                    + "The refusal was recorded in the audit log."), new Paragraph("What to do: ask a security admin for the role "
                    + "you need, or choose a screen from the menu."));
        } else {
            log.error("Error id {} while opening {}", errorId, event.getLocation().getPath(), e);
            add(new H1("Something went wrong"), new Paragraph("The console could not open this screen. Nothing was changed "
                    + "and the error was recorded in the server log."), new Paragraph("What to do: reload the page or go back "
                    + "to the overview. If it happens again, send the error id below to your platform team — it leads them to "
                    + "the details."));
        }
        Paragraph id = new Paragraph(new Span("Error id: "), new Code(errorId));
        id.setId("error-id");
        add(id, new Anchor("/", "Back to the overview"));
        return database ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    static boolean isRefusal(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.springframework.security.access.AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    static boolean isDatabaseOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.net.ConnectException || t instanceof org.jooq.exception.DataAccessException d
                    && d.sqlState() != null && d.sqlState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
