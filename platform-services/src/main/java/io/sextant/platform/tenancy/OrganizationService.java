package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.ORGANIZATION;
import static io.sextant.jooq.control_plane.Tables.ORG_MEMBER;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.tenancy.internal.JooqProjects;
import io.sextant.platform.tenancy.internal.PlanRules;
import io.sextant.platform.tenancy.internal.PreflightChecks;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations, their members and their plan. Changes need OPERATOR, reads SUPPORT or OPERATOR; all changes are audited. */
@Service
public class OrganizationService {

    /** Org-level roles of a member. */
    public static final Set<String> MEMBER_ROLES = Set.of("owner", "admin", "developer", "viewer");

    private final DSLContext dsl;
    private final JooqProjects projects;
    private final PreflightChecks preflight;
    private final AuditLog audit;
    private final Clock clock;

    OrganizationService(DSLContext dsl, JooqProjects projects, PreflightChecks preflight, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.projects = projects;
        this.preflight = preflight;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the organisation, or returns it unchanged when one with that slug exists (idempotent). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Organization create(String slug, String name, String planCode) {
        if (slug == null || !ProjectSpec.SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("Invalid organisation slug \"" + slug + "\": 3 to 40 lower-case letters, digits or dashes.");
        }
        projects.plan(planCode);
        Optional<Organization> existing = projects.org(slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        dsl.insertInto(ORGANIZATION).set(ORGANIZATION.ORG_ID, id).set(ORGANIZATION.SLUG, slug).set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.PLAN_CODE, planCode).set(ORGANIZATION.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        audit.append(AuditEntry.succeeded("tenancy.organization.create", "organization", id.toString(), Map.of("slug", slug, "plan", planCode)));
        return projects.org(id).orElseThrow();
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT', 'SECURITY_ADMIN', 'COMPLIANCE')")
    public Optional<Organization> find(String slug) {
        return projects.org(slug);
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT', 'SECURITY_ADMIN', 'COMPLIANCE')")
    public List<Organization> list() {
        return dsl.selectFrom(ORGANIZATION).orderBy(ORGANIZATION.SLUG)
                .fetch(r -> new Organization(r.getOrgId(), r.getSlug(), r.getName(), r.getPlanCode(), r.getStatus(), r.getVersion()));
    }

    /** Adds or changes a member's org-level role (owner, admin, developer, viewer). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public void setMember(UUID orgId, String email, String role) {
        if (!MEMBER_ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown member role " + role + "; one of " + MEMBER_ROLES);
        }
        int changed = dsl.insertInto(ORG_MEMBER).set(ORG_MEMBER.ORG_ID, orgId).set(ORG_MEMBER.EMAIL, email).set(ORG_MEMBER.ROLE, role)
                .set(ORG_MEMBER.ADDED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflict(ORG_MEMBER.ORG_ID, ORG_MEMBER.EMAIL).doUpdate().set(ORG_MEMBER.ROLE, role)
                .where(ORG_MEMBER.ROLE.ne(role)).execute();
        if (changed > 0) {
            audit.append(AuditEntry.succeeded("tenancy.organization.member", "organization", orgId.toString(), Map.of("email", email, "role", role)));
        }
    }

    /**
     * Moves the organisation to another plan, if every live project fits the new plan's limits.
     * Repeating it is a no-op.
     *
     * @throws TenancyConflictException naming each project and limit that does not fit
     * @throws VersionConflictException the organisation changed since {@code expectedVersion}
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Organization changePlan(UUID orgId, int expectedVersion, String planCode) {
        Organization org = projects.org(orgId).orElseThrow(() -> new IllegalArgumentException("No organisation " + orgId));
        if (org.planCode().equals(planCode)) {
            return org;
        }
        Plan plan = projects.plan(planCode);
        List<Project> live = projects.liveProjects(orgId);
        List<String> reasons = new ArrayList<>();
        for (Project p : live) {
            for (String r : PlanRules.violations(plan, projects.plans(), p.isolation(), p.dataClasses(), p.region(), preflight.defaultRegion(), 0)) {
                reasons.add("Project " + p.slug() + ": " + r);
            }
            if (p.rowsUsed() != null && p.rowsUsed() > plan.rowLimit()) {
                reasons.add("Project " + p.slug() + " holds " + p.rowsUsed() + " rows; plan " + plan.displayName() + " allows " + plan.rowLimit() + ".");
            }
            if (p.storageBytesUsed() != null && p.storageBytesUsed() > plan.storageLimitBytes()) {
                reasons.add("Project " + p.slug() + " uses " + p.storageBytesUsed() + " bytes; plan " + plan.displayName() + " allows " + plan.storageLimitBytes() + ".");
            }
        }
        if (live.size() > plan.maxProjects()) {
            reasons.add("The organisation has " + live.size() + " projects; plan " + plan.displayName() + " allows " + plan.maxProjects() + ".");
        }
        if (!reasons.isEmpty()) {
            audit.appendRefusal(AuditEntry.refused("tenancy.organization.change-plan", "organization", orgId.toString(),
                    Map.of("plan", planCode, "reason", String.join(" ", reasons))));
            throw new TenancyConflictException(reasons);
        }
        int n = dsl.update(ORGANIZATION).set(ORGANIZATION.PLAN_CODE, planCode).set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .set(ORGANIZATION.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(ORGANIZATION.ORG_ID.eq(orgId)).and(ORGANIZATION.VERSION.eq(expectedVersion)).execute();
        if (n == 0) {
            throw new VersionConflictException("Organisation " + org.slug());
        }
        audit.append(AuditEntry.succeeded("tenancy.organization.change-plan", "organization", orgId.toString(),
                Map.of("from", org.planCode(), "to", planCode)));
        return projects.org(orgId).orElseThrow();
    }

    /** @throws VersionConflictException the organisation changed since {@code expectedVersion} */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Organization rename(UUID orgId, int expectedVersion, String name) {
        int n = dsl.update(ORGANIZATION).set(ORGANIZATION.NAME, name).set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .set(ORGANIZATION.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(ORGANIZATION.ORG_ID.eq(orgId)).and(ORGANIZATION.VERSION.eq(expectedVersion)).execute();
        if (n == 0) {
            throw new VersionConflictException("Organisation " + orgId);
        }
        audit.append(AuditEntry.succeeded("tenancy.organization.rename", "organization", orgId.toString(), Map.of("name", name)));
        return projects.org(orgId).orElseThrow();
    }
}
