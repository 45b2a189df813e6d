package io.sextant.console.security;

import io.sextant.platform.identity.ConsoleSessionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** Ends the durable session record at logout, so the session cannot be resumed on any node. */
final class ConsoleLogoutHandler implements LogoutHandler {

    private final ConsoleSessionService sessions;

    ConsoleLogoutHandler(ConsoleSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null) {
            sessions.loggedOut(session.getId(), authentication.getName());
        }
    }
}
