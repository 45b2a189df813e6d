package io.sextant.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The answer while PostgreSQL cannot be reached: 503, an error id, and a page that retries by itself. */
public final class DatabaseUnavailablePage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePage.class);

    private DatabaseUnavailablePage() {
    }

    /**
     * Whether a failure means PostgreSQL could not answer: any data-access failure (Spring's or
     * jOOQ's), or a transaction that could not even begin (no connection).
     */
    public static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof org.jooq.exception.DataAccessException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.warn("Database unavailable while serving {} (error id {})", request.getRequestURI(), errorId);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        if (request.getParameter("v-r") != null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":503,\"title\":\"Database unavailable\",\"errorId\":\"" + errorId + "\"}");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Database unavailable · Sextant</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;color:#1a2233}
                .card{border:1px solid #d5dbe5;border-radius:8px;padding:1.5rem 2rem}code{background:#eef1f6;padding:0 .3rem}</style>
                </head><body><div class="card" id="database-unavailable"><h1>Database unavailable</h1>
                <p>Sextant cannot reach its PostgreSQL database right now, so it refuses every request rather than
                guess. Nothing you submitted was lost or half-applied. This page retries every 5 seconds and continues
                as soon as the database answers again.</p><p>Error id: <code>%s</code></p></div></body></html>
                """.formatted(errorId));
    }
}
