package io.sextant.platform.authz.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.Project;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see a tenant's rows (D009): operators and security administrators any live tenant's;
 * support staff only tenants that hold no regulated data (health, payment); compliance staff none
 * (they read traces and explanations, not rows). A refusal is audited in its own transaction.
 */
@Component
public class TenantAccess {

    private final AuditLog audit;

    TenantAccess(AuditLog audit) {
        this.audit = audit;
    }

    public boolean maySeeRows(Project p) {
        if (!(p.status().equals("active") || p.status().equals("suspended"))) {
            return false;
        }
        if (CurrentRoles.has(ConsoleRole.OPERATOR) || CurrentRoles.has(ConsoleRole.SECURITY_ADMIN)) {
            return true;
        }
        return CurrentRoles.has(ConsoleRole.SUPPORT) && !p.dataClasses().contains(DataClass.HEALTH) && !p.dataClasses().contains(DataClass.PAYMENT);
    }

    public void requireRows(Project p, String action) {
        if (!maySeeRows(p)) {
            audit.appendRefusal(AuditEntry.refused(action, "project", p.id().toString(),
                    Map.of("reason", "the operator may not see this tenant's rows", "project", p.slug())));
            throw new AccessDeniedException("You may not see the rows of project " + p.slug()
                    + (p.status().equals("active") || p.status().equals("suspended") ? " (it holds regulated data or your role does not allow it)"
                            : " (it is " + p.status() + ")"));
        }
    }
}
