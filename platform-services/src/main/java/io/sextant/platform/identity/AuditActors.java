package io.sextant.platform.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name of whoever acts now, as recorded in security tables: the authenticated user or {@code system}. */
final class AuditActors {

    private AuditActors() {
    }

    static String current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
            return "system";
        }
        return a.getName();
    }
}
