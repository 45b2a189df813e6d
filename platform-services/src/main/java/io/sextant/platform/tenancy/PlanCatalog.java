package io.sextant.platform.tenancy;

import io.sextant.platform.tenancy.internal.JooqProjects;
import io.sextant.platform.tenancy.internal.PlanRules;
import io.sextant.platform.tenancy.internal.PreflightChecks;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The plans (Free, Pro, Team, Enterprise) and what each allows. */
@Service
public class PlanCatalog {

    private final JooqProjects projects;
    private final PreflightChecks preflight;

    PlanCatalog(JooqProjects projects, PreflightChecks preflight) {
        this.projects = projects;
        this.preflight = preflight;
    }

    /** All plans, cheapest first. */
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public List<Plan> plans() {
        return projects.plans();
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public Plan plan(String code) {
        return projects.plan(code);
    }

    /** The region a plan without region pinning places projects in. */
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public String defaultRegion() {
        return preflight.defaultRegion();
    }

    /**
     * Why {@code plan} would refuse a project of that shape, one actionable sentence each; empty
     * when it allows it. Pure: the same rules apply at apply time.
     */
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public List<String> violations(String plan, IsolationModel isolation, Set<DataClass> dataClasses, String region, int otherProjects) {
        return PlanRules.violations(projects.plan(plan), projects.plans(), isolation, dataClasses, region, preflight.defaultRegion(), otherProjects);
    }
}
