package io.sextant.console.security;

import io.sextant.platform.identity.ConsoleSessionService;
import io.sextant.platform.identity.ConsoleSessionService.Validity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a signed-in console session is checked against its durable record (created
 * at its first request after sign-in): ended
 * (logout, a security admin, idle or absolute timeout) means the servlet session is discarded and
 * the request starts over as anonymous. If the database cannot answer, the request is refused
 * with 503 — the console fails closed — and the page retries until the database is back.
 */
final class ConsoleSessionFilter extends OncePerRequestFilter {

    private final ConsoleSessionService sessions;

    ConsoleSessionFilter(ConsoleSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && auth instanceof OAuth2AuthenticationToken) {
            Validity validity;
            try {
                validity = sessions.check(session.getId());
                if (validity == Validity.UNKNOWN) {
                    // First request after sign-in (session fixation protection already gave it its final id).
                    sessions.register(session.getId(), auth.getName(), request.getRemoteAddr(), request.getHeader("User-Agent"));
                    validity = Validity.VALID;
                }
            } catch (RuntimeException e) {
                // Not only DataAccessException: with no connection, @Transactional fails first with
                // CannotCreateTransactionException, which is not one (that used to escape as a bare 500).
                if (!DatabaseUnavailablePage.isDatabaseFailure(e)) {
                    throw e;
                }
                DatabaseUnavailablePage.write(request, response);
                return;
            }
            if (validity != Validity.VALID) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (request.getParameter("v-r") != null || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
