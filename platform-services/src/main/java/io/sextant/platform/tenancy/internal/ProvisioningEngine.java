package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROJECT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditOutcome;
import io.sextant.platform.tenancy.FaultInjector;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.ProvisioningResult.Status;
import io.sextant.platform.tenancy.ProvisioningResult.TenantCredentials;
import io.sextant.platform.tenancy.ProvisioningStep;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the steps of a provisioning run that are not done yet, recording each before and after,
 * so a run that failed (or whose process died) is finished by running it again. Internal: the
 * API is {@link io.sextant.platform.tenancy.ProvisioningService}.
 */
@Component
public class ProvisioningEngine {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningEngine.class);

    private final JooqRuns runs;
    private final JooqProjects projects;
    private final TenantObjects objects;
    private final TenantVerifier verifier;
    private final ApiKeys apiKeys;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ObjectProvider<FaultInjector> faults;

    ProvisioningEngine(JooqRuns runs, JooqProjects projects, TenantObjects objects, TenantVerifier verifier, ApiKeys apiKeys,
            DSLContext dsl, AuditLog audit, PlatformTransactionManager txManager, ObjectProvider<FaultInjector> faults) {
        this.runs = runs;
        this.projects = projects;
        this.objects = objects;
        this.verifier = verifier;
        this.apiKeys = apiKeys;
        this.dsl = dsl;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.faults = faults;
    }

    /** The fault hook for a step running inside the caller's work (RESERVE runs in its transaction). */
    public void fault(ProvisioningStep step, UUID projectId) {
        FaultInjector f = faults.getIfAvailable();
        if (f != null) {
            f.afterWork(step, projectId);
        }
    }

    /**
     * Runs what is left of a run the caller has claimed (created it, or {@link RunClaims} gave it).
     * {@code resuming}: an earlier attempt did the steps already done, and the listener hears them as
     * skipped; a run just created did its reservation in its creator's transaction, so a fresh run
     * reports every step as done now.
     */
    ProvisioningResult run(UUID runId, ProvisioningListener listener, boolean resuming) {
        var run = runs.byId(runId).orElseThrow(() -> new io.sextant.platform.tenancy.TenancyNotFoundException("No provisioning run " + runId));
        Project p = projects.project(run.projectId()).orElseThrow();
        Set<ProvisioningStep> done = runs.done(runId);
        TenantCredentials credentials = null;
        for (ProvisioningStep step : ProvisioningStep.values()) {
            // Secrets are never stored, so every attempt issues its own: the caller of this attempt sees them once.
            if (done.contains(step) && step != ProvisioningStep.CREDENTIALS) {
                listener.finished(step, resuming);
                continue;
            }
            listener.started(step);
            tx.executeWithoutResult(s -> runs.step(runId, step, "running", null));
            try {
                TenantCredentials issued = work(step, p, credentials);
                credentials = issued != null ? issued : credentials;
                fault(step, p.id());
                if (step == ProvisioningStep.ACTIVATE) {
                    activate(runId, p);
                } else {
                    tx.executeWithoutResult(s -> runs.step(runId, step, "done", null));
                }
            } catch (RuntimeException e) {
                fail(runId, p, step, e);
                return new ProvisioningResult(p.id(), runId, Status.FAILED, step, e.getMessage(), null);
            }
            listener.finished(step, false);
        }
        return new ProvisioningResult(p.id(), runId, Status.SUCCEEDED, null, null, credentials);
    }

    private TenantCredentials work(ProvisioningStep step, Project p, TenantCredentials credentials) {
        String role = p.dbRole();
        String db = p.dbName();
        boolean shared = p.isolation() == IsolationModel.SHARED;
        switch (step) {
            case RESERVE, ACTIVATE -> { }
            case CREATE_ROLE -> objects.ensureRole(p.region(), role);
            case STORAGE -> {
                if (shared) {
                    objects.ensureSharedKit(p.region());
                } else {
                    objects.ensureDedicatedDatabase(p.region(), db, role);
                }
            }
            case TENANT_KEY -> {
                if (shared) {
                    objects.mapSharedTenant(p.region(), role, p.id(), p.policyPack());
                } else {
                    objects.installDedicatedKit(p.region(), db, role, p.id());
                }
            }
            case POLICY_PACK -> objects.applyPolicyPack(p.region(), p.isolation(), role, db, p.policyPack());
            case CREDENTIALS -> {
                String password = ApiKeys.secret("");
                objects.setPassword(p.region(), role, password);
                var keys = tx.execute(s -> apiKeys.replace(p.id()));
                return new TenantCredentials(p.region(), db, role, password, keys.anon(), keys.service());
            }
            case VERIFY -> verifier.verify(p, credentials.password());
        }
        return null;
    }

    private void activate(UUID runId, Project p) {
        tx.executeWithoutResult(s -> {
            dsl.update(PROJECT).set(PROJECT.STATUS, "active").set(PROJECT.VERSION, PROJECT.VERSION.plus(1))
                    .where(PROJECT.PROJECT_ID.eq(p.id())).execute();
            runs.step(runId, ProvisioningStep.ACTIVATE, "done", null);
            runs.finish(runId, "succeeded", null);
            audit.append(AuditEntry.succeeded("tenancy.project.provision", "project", p.id().toString(),
                    Map.of("slug", p.slug(), "region", p.region(), "isolation", p.isolation().dbValue(), "role", p.dbRole())));
        });
    }

    private void fail(UUID runId, Project p, ProvisioningStep step, RuntimeException e) {
        log.warn("Provisioning of project {} failed at step {}: {}", p.slug(), step, e.getMessage());
        tx.executeWithoutResult(s -> {
            runs.step(runId, step, "failed", e.getMessage());
            runs.finish(runId, "failed", step.name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
            dsl.update(PROJECT).set(PROJECT.STATUS, "failed").where(PROJECT.PROJECT_ID.eq(p.id())).execute();
        });
        audit.appendRefusal(new AuditEntry("tenancy.project.provision", "project", p.id().toString(), AuditOutcome.FAILED,
                Map.of("step", step.name(), "error", String.valueOf(e.getMessage()))));
    }
}
