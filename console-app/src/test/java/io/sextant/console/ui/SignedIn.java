package io.sextant.console.ui;

import io.sextant.platform.identity.ConsoleRole;
import java.util.Arrays;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who a server-side view test acts as: a named person with console roles (the screens and services read the security context). */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(String user, ConsoleRole... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(Arrays.stream(roles).map(ConsoleRole::authority).toArray(String[]::new))));
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
