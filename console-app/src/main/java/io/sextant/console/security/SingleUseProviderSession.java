package io.sextant.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The built-in provider keeps no sign-in of its own beyond one authorization: once it has sent an
 * authorization code back to the console, its session (on the provider's host name) ends. The
 * console session is then the only sign-in, so ending it (a security admin, idle or absolute
 * timeout) really signs the operator out — without this, the next request went through the
 * provider's still-open session and signed them straight back in without a password.
 */
final class SingleUseProviderSession extends OncePerRequestFilter {

    private final String authorizationEndpoint;

    SingleUseProviderSession(String authorizationEndpoint) {
        this.authorizationEndpoint = authorizationEndpoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (authorizationEndpoint.equals(request.getServletPath()) && response.getStatus() == HttpServletResponse.SC_FOUND) {
            String location = response.getHeader("Location");
            if (location != null && (location.contains("?code=") || location.contains("&code="))) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
    }
}
