package io.sextant.platform.risk.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.TenancyNotFoundException;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read a tenant's scores (D010, as D009 rules for rows): operators and security
 * administrators with every value; compliance staff with the request's values masked (they see
 * points and reasons, not amounts or places); support staff only tenants without regulated data.
 * A refusal is audited in its own transaction.
 */
@Component
class RiskAccess {

    enum Reading { FULL, MASKED }

    private final ProjectService projects;
    private final AuditLog audit;

    RiskAccess(ProjectService projects, AuditLog audit) {
        this.projects = projects;
        this.audit = audit;
    }

    Project project(UUID projectId) {
        return projects.find(projectId).filter(p -> !p.status().equals("deleted"))
                .orElseThrow(() -> new TenancyNotFoundException("Unknown project: " + projectId));
    }

    Reading reading(Project p) {
        if (CurrentRoles.has(ConsoleRole.OPERATOR) || CurrentRoles.has(ConsoleRole.SECURITY_ADMIN)) {
            return Reading.FULL;
        }
        if (CurrentRoles.has(ConsoleRole.SUPPORT) && !p.dataClasses().contains(DataClass.HEALTH) && !p.dataClasses().contains(DataClass.PAYMENT)) {
            return Reading.FULL;
        }
        if (CurrentRoles.has(ConsoleRole.COMPLIANCE)) {
            return Reading.MASKED;
        }
        audit.appendRefusal(AuditEntry.refused("risk.score.read", "project", p.id().toString(),
                Map.of("reason", "the operator may not see this tenant's scores", "project", p.slug())));
        throw new AccessDeniedException("You may not see the risk scores of project " + p.slug() + " (it holds regulated data)");
    }

    static String who() {
        var a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
