package io.sextant.console.security;

import io.sextant.platform.identity.LoginAttemptService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Records every sign-in at the built-in provider, and answers a failure without saying which part
 * was wrong; the form comes back with the username kept and a message of the provider's own words.
 */
final class LoginOutcomeHandlers {

    private LoginOutcomeHandlers() {
    }

    static final class Failure implements AuthenticationFailureHandler {
        private final LoginAttemptService attempts;
        private final String loginPath;

        Failure(LoginAttemptService attempts, String loginPath) {
            this.attempts = attempts;
            this.loginPath = loginPath;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            String username = request.getParameter("username");
            String reason = e instanceof DisabledException ? "account disabled" : "bad credentials";
            attempts.record(username == null ? "" : username, request.getRemoteAddr(), false, reason);
            new SignInNotice(SignInNotice.WRONG_CREDENTIALS, SignInNotice.username(username)).keep(request);
            response.sendRedirect(loginPath + "?error");
        }
    }

    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {
        private final LoginAttemptService attempts;

        Success(LoginAttemptService attempts) {
            this.attempts = attempts;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws ServletException, IOException {
            attempts.record(authentication.getName(), request.getRemoteAddr(), true, null);
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
