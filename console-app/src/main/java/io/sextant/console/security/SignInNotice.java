package io.sextant.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the sign-in form says after a refused attempt, and the username to keep in it. It travels
 * in the provider's session from the refusal to the next form, once, never in the address: a link
 * with {@code ?error=<any text>} must not be able to put words on the sign-in page.
 */
record SignInNotice(String message, String username) implements Serializable {

    static final String WRONG_CREDENTIALS = "Wrong username or password. Check both — the password is case-sensitive — and "
            + "try again. Repeated failures pause sign-in for this user for a while. Forgotten your password? A security admin "
            + "of your platform can help.";

    private static final String ATTRIBUTE = SignInNotice.class.getName();

    /** Keeps the notice for the next sign-in form (a session exists already: the form's CSRF token lives in it). */
    void keep(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }

    /** The notice left by the last refused attempt, removed so a reload shows a clean form. */
    static @Nullable SignInNotice take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SignInNotice notice)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        return notice;
    }

    static String username(@Nullable String submitted) {
        if (submitted == null) {
            return "";
        }
        String u = submitted.strip();
        return u.length() > 200 ? u.substring(0, 200) : u;
    }
}
