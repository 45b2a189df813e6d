package io.sextant.console.security;

import io.sextant.platform.identity.LoginAttemptService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in attempt before the password is even checked when its user or address is over the limit. */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginAttemptService attempts;
    private final String loginPath;

    LoginThrottleFilter(LoginAttemptService attempts, String loginPath) {
        this.attempts = attempts;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath())) {
            String username = request.getParameter("username");
            String why = attempts.refusal(username == null ? "" : username, request.getRemoteAddr());
            if (why != null) {
                attempts.record(username == null ? "" : username, request.getRemoteAddr(), false, "throttled");
                new SignInNotice(why, SignInNotice.username(username)).keep(request);
                response.sendRedirect(loginPath + "?error");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
