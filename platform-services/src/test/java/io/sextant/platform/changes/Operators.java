package io.sextant.platform.changes;

import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a named operator with roles (on the current thread). */
final class Operators {

    private Operators() {
    }

    static <T> T as(String user, String role, Callable<T> work) throws Exception {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
