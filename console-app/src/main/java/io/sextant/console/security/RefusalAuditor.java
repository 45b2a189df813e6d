package io.sextant.console.security;

import com.vaadin.flow.router.Location;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Records every refusal of a signed-in principal — by {@code @PreAuthorize}/{@code @PostAuthorize}
 * on a service, by a request rule, or by navigation access control on a screen (published by the
 * console's "needs role" page with the {@link Location} as its object) — in the audit log as
 * {@code access.denied}, in a transaction
 * of its own so it stays recorded while the refused work does not happen. Anonymous visitors are
 * not audited: they are simply sent to sign-in (pages) or answered 401 (the API).
 * The refusal itself never depends on this record: if it cannot be written, it is logged.
 */
@Component
class RefusalAuditor {

    static final String ACTION = "access.denied";

    private static final Logger log = LoggerFactory.getLogger(RefusalAuditor.class);

    private final AuditLog audit;

    RefusalAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void refused(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return;
        }
        Object object = event.getObject();
        if (object instanceof MethodInvocationResult result) {
            object = result.getMethodInvocation();
        }
        if (object instanceof RequestAuthorizationContext context) {
            object = context.getRequest();
        }
        AuditEntry entry;
        if (object instanceof MethodInvocation invocation) {
            Class<?> type = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(invocation.getThis());
            entry = AuditEntry.refused(ACTION, "method", type.getSimpleName() + "." + invocation.getMethod().getName(), rule(event));
        } else if (object instanceof HttpServletRequest request) {
            entry = AuditEntry.refused(ACTION, "request", request.getMethod() + " " + request.getRequestURI(), rule(event));
        } else if (object instanceof Location screen) {
            String path = "/" + screen.getPath(); // never the query string; a route parameter may be any text, so it is bounded
            entry = AuditEntry.refused(ACTION, "screen", path.length() > 200 ? path.substring(0, 200) : path, rule(event));
        } else {
            entry = AuditEntry.refused(ACTION, object == null ? "unknown" : object.getClass().getSimpleName(), null, rule(event));
        }
        try {
            audit.appendRefusal(entry);
        } catch (RuntimeException e) {
            log.warn("Could not record the refusal of {} to {} {}: {}", who.getName(), entry.targetType(), entry.targetId(), e.toString());
        }
    }

    private static Map<String, String> rule(AuthorizationDeniedEvent<?> event) {
        AuthorizationResult result = event.getAuthorizationResult();
        if (result instanceof ExpressionAuthorizationDecision decision && decision.getExpression() != null) {
            return Map.of("rule", decision.getExpression().getExpressionString());
        }
        if (result instanceof AuthorityAuthorizationDecision decision && !decision.getAuthorities().isEmpty()) {
            return Map.of("rule", "any of " + decision.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return Map.of();
    }
}
