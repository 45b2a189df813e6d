package io.sextant.platform.audit.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting and under which request, as the security context and the logging MDC say. */
final class CurrentRequest {

    static final String SYSTEM = "system";
    static final String REQUEST_ID_KEY = "requestId";

    private CurrentRequest() {
    }

    /** The authenticated name; {@code system} for scheduled work and anonymous callers, which have no operator to blame. */
    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                || auth.getName() == null || auth.getName().isBlank()) {
            return SYSTEM;
        }
        return auth.getName();
    }

    static @Nullable String requestId() {
        return MDC.get(REQUEST_ID_KEY);
    }
}
