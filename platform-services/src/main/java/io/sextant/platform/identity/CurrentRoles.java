package io.sextant.platform.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Role checks against the current security context, for decisions inside a service method. */
public final class CurrentRoles {

    private CurrentRoles() {
    }

    public static boolean has(ConsoleRole role) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> role.authority().equals(g.getAuthority()));
    }
}
