package io.sextant.console.resilience;

import io.sextant.platform.identity.ConsoleRole;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test set-up and checks as a named operator with the given roles, on the calling thread only. */
public final class Roles {

    private Roles() {
    }

    public static <T> T as(String username, Supplier<T> action, ConsoleRole... roles) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void run(String username, Runnable action, ConsoleRole... roles) {
        as(username, () -> {
            action.run();
            return null;
        }, roles);
    }
}
