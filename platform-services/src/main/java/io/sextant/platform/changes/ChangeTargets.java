package io.sextant.platform.changes;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Every known target, from every {@link ChangeTargetProvider} bean. The list names every tenant
 * with a database of its own, so listing is for the roles that work on targets (Operator,
 * Security admin, Compliance for drift); {@link #find} and {@link #require} serve the board's
 * services, which check their callers themselves.
 */
@Service
public class ChangeTargets {

    static final List<ConsoleRole> LISTERS = List.of(ConsoleRole.OPERATOR, ConsoleRole.SECURITY_ADMIN, ConsoleRole.COMPLIANCE);

    private final List<ChangeTargetProvider> providers;
    private final AuditLog audit;

    public ChangeTargets(List<ChangeTargetProvider> providers, AuditLog audit) {
        this.providers = List.copyOf(providers);
        this.audit = audit;
    }

    public Optional<ChangeTarget> find(String targetId) {
        return providers.stream().map(p -> p.find(targetId)).flatMap(Optional::stream).findFirst();
    }

    /** @throws UnknownTargetException if no provider knows it */
    public ChangeTarget require(String targetId) {
        return find(targetId).orElseThrow(() -> new UnknownTargetException(targetId));
    }

    /**
     * Every target, for an Operator, Security admin or Compliance.
     *
     * @throws ChangeRefusedException {@code not-authenticated}, or {@code missing-role} (audited)
     */
    public List<ChangeTarget> list() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
            throw new ChangeRefusedException("not-authenticated", "Listing change targets needs a signed-in operator");
        }
        if (LISTERS.stream().noneMatch(CurrentRoles::has)) {
            ChangeRefusedException e = new ChangeRefusedException("missing-role",
                    "Listing change targets needs the Operator, Security admin or Compliance role");
            audit.appendRefusal(AuditEntry.refused("changes.target.list", "change-target", null,
                    Map.of("reason", e.reason(), "message", e.getMessage())));
            throw e;
        }
        List<ChangeTarget> all = new ArrayList<>();
        providers.forEach(p -> all.addAll(p.list()));
        return all;
    }
}
