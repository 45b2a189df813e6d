package io.sextant.console.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Any unexpected error while opening a screen: a clear message and an error id that matches the
 * server log — never a stack trace. A database outage gets its own words.
 */
@PageTitle("Something went wrong · Sextant")
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
        log.error("Error id {} while opening {}", errorId, event.getLocation().getPath(), e);
        removeAll();
        if (database) {
            add(new H1("Database unavailable"), new Paragraph("Sextant cannot reach its PostgreSQL database, so it shows "
                    + "nothing rather than stale or partial data. Nothing was changed. Reload in a few seconds."));
        } else {
            add(new H1("Something went wrong"), new Paragraph("The console could not open this screen. The error was recorded; "
                    + "quote the error id when you report it."));
        }
        add(new Paragraph(new com.vaadin.flow.component.html.Span("Error id: "), new Code(errorId)), new Anchor("/", "Back to the overview"));
        return database ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
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
