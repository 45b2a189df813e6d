package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who acts on the board now; every board action needs an authenticated operator. */
final class Actors {

    private Actors() {
    }

    static String current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
            throw new ChangeRefusedException("not-authenticated", "Change requests need a signed-in operator");
        }
        return a.getName();
    }

    static boolean isOperator() {
        return CurrentRoles.has(ConsoleRole.OPERATOR) || CurrentRoles.has(ConsoleRole.SECURITY_ADMIN);
    }
}
