package io.sextant.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The safety net in front of every filter chain: a database failure that escapes a request (a
 * bearer token checked against PostgreSQL, the sign-in throttle, the provider's stores) becomes
 * the 503 database-unavailable answer instead of a bare 500 — the request is refused, never
 * half-served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseUnavailablePage.isDatabaseFailure(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            DatabaseUnavailablePage.write(request, response);
        }
    }
}
