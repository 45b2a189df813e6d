package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.PROJECT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.tenancy.internal.JooqProjects;
import io.sextant.platform.tenancy.internal.PlanRules;
import io.sextant.platform.tenancy.internal.PreflightChecks;
import io.sextant.platform.tenancy.internal.RunClaims;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions projects (tenants) for real on their region's server. {@link #apply} is idempotent by
 * its key (a double submit yields one tenant) and resumable: a run that fails stops at the failing
 * step, recorded with its error, and applying the same key again (or {@link #resume}) finishes it.
 * Steps: {@link ProvisioningStep}. Isolation and its threat model: docs/decisions/D007.
 */
@Service
public class ProvisioningService {

    private final JooqProjects projects;
    private final PreflightChecks preflight;
    private final RunClaims claims;
    private final RegionServers regions;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    ProvisioningService(JooqProjects projects, PreflightChecks preflight, RunClaims claims,
            RegionServers regions, DSLContext dsl, AuditLog audit, Clock clock, PlatformTransactionManager txManager) {
        this.projects = projects;
        this.preflight = preflight;
        this.claims = claims;
        this.regions = regions;
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The checklist for a spec; creates nothing (the dry run is rolled back). */
    @PreAuthorize("hasRole('OPERATOR')")
    public Preflight preflight(ProjectSpec spec) {
        return preflight.run(spec);
    }

    /**
     * Provisions the spec, or continues the run already started under {@code idempotencyKey}.
     *
     * @throws TenancyConflictException   the organisation, name, region or plan does not allow it (audited as refused)
     * @throws RegionUnreachableException the region's server does not answer; nothing was created
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public ProvisioningResult apply(ProjectSpec spec, String idempotencyKey, ProvisioningListener listener) {
        var existing = claims.existing(idempotencyKey);
        if (existing.isPresent()) {
            return claims.continueRun(existing.get(), listener);
        }
        try {
            if (!regions.isKnown(spec.region())) {
                throw new TenancyConflictException("Unknown region " + spec.region() + "; known regions: " + regions.regions() + ".");
            }
            regions.requireReachable(spec.region());
            UUID runId = tx.execute(s -> reserve(spec, idempotencyKey));
            return claims.startNew(runId, listener);
        } catch (DuplicateKeyException e) {
            // Lost a race with the same key: the other submit owns the run.
            return claims.continueRun(claims.existing(idempotencyKey).orElseThrow(() -> e), listener);
        } catch (TenancyConflictException | RegionUnreachableException e) {
            audit.appendRefusal(AuditEntry.refused("tenancy.project.provision", "project", spec.orgSlug() + "/" + spec.slug(),
                    Map.of("reason", String.valueOf(e.getMessage()))));
            throw e;
        }
    }

    /** Finishes a failed run from its failing step. */
    @PreAuthorize("hasRole('OPERATOR')")
    public ProvisioningResult resume(UUID runId, ProvisioningListener listener) {
        return claims.continueRun(claims.byId(runId), listener);
    }

    private UUID reserve(ProjectSpec spec, String idempotencyKey) {
        Organization org = projects.org(spec.orgSlug())
                .orElseThrow(() -> new TenancyConflictException("No organisation " + spec.orgSlug() + "."));
        projects.lockOrg(org.id());
        if (!org.status().equals("active")) {
            throw new TenancyConflictException("Organisation " + org.slug() + " is " + org.status() + ": resume it first.");
        }
        projects.project(org.id(), spec.slug()).ifPresent(p -> {
            throw new TenancyConflictException("A project named " + spec.slug() + " already exists in " + org.slug()
                    + " (" + p.status() + "): choose another name.");
        });
        var plans = projects.plans();
        var reasons = PlanRules.violations(projects.plan(org.planCode()), plans, spec.isolation(), spec.dataClasses(),
                spec.region(), preflight.defaultRegion(), projects.liveProjects(org.id()).size());
        if (!reasons.isEmpty()) {
            throw new TenancyConflictException(reasons);
        }
        UUID id = UUID.randomUUID();
        String role = "t_" + id.toString().replace("-", "").substring(0, 12);
        boolean shared = spec.isolation() == IsolationModel.SHARED;
        dsl.insertInto(PROJECT).set(PROJECT.PROJECT_ID, id).set(PROJECT.ORG_ID, org.id()).set(PROJECT.SLUG, spec.slug())
                .set(PROJECT.NAME, spec.name()).set(PROJECT.REGION, spec.region()).set(PROJECT.ISOLATION, spec.isolation().dbValue())
                .set(PROJECT.STATUS, "provisioning").set(PROJECT.DATA_CLASSES, spec.dataClasses().stream().map(DataClass::dbValue).sorted().toArray(String[]::new))
                .set(PROJECT.POLICY_PACK, spec.policyPack().code()).set(PROJECT.DB_ROLE, role)
                .set(PROJECT.DB_SCHEMA, shared ? "tenant_data" : "app")
                .set(PROJECT.DB_NAME, shared ? regions.platformDatabase(spec.region()) : role)
                .set(PROJECT.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        UUID runId = UUID.randomUUID();
        claims.create(runId, id, idempotencyKey);
        audit.append(AuditEntry.succeeded("tenancy.project.reserve", "project", id.toString(), Map.of("org", org.slug(),
                "slug", spec.slug(), "region", spec.region(), "isolation", spec.isolation().dbValue(), "policyPack", spec.policyPack().code())));
        claims.fault(ProvisioningStep.RESERVE, id);
        return runId;
    }
}
