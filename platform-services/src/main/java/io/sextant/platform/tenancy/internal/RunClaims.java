package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROJECT;
import static io.sextant.jooq.control_plane.Tables.PROVISIONING_RUN;

import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.ProvisioningResult.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may continue an existing run: one caller at a time, claimed by a conditional update in the
 * database (not a JVM lock), so two nodes or two clicks never run the same steps concurrently. A
 * run left {@code running} by a process that died is taken over after {@link #STALE}.
 */
@Component
public class RunClaims {

    static final Duration STALE = Duration.ofMinutes(5);

    private final JooqRuns runs;
    private final ProvisioningEngine engine;
    private final DSLContext dsl;
    private final Clock clock;
    private final TransactionTemplate tx;

    RunClaims(JooqRuns runs, ProvisioningEngine engine, DSLContext dsl, Clock clock, PlatformTransactionManager txManager) {
        this.runs = runs;
        this.engine = engine;
        this.dsl = dsl;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    public Optional<UUID> existing(String idempotencyKey) {
        return runs.byKey(idempotencyKey).map(JooqRuns.Run::runId);
    }

    public UUID byId(UUID runId) {
        return runs.byId(runId).orElseThrow(() -> new io.sextant.platform.tenancy.TenancyNotFoundException("No provisioning run " + runId)).runId();
    }

    /** Within the caller's transaction: a new run, already claimed by its creator. */
    public void create(UUID runId, UUID projectId, String idempotencyKey) {
        runs.create(runId, projectId, idempotencyKey);
    }

    /** Runs a run just created by {@link #create} (its creator holds it). */
    public ProvisioningResult startNew(UUID runId, ProvisioningListener listener) {
        return engine.run(runId, listener, false);
    }

    public void fault(io.sextant.platform.tenancy.ProvisioningStep step, UUID projectId) {
        engine.fault(step, projectId);
    }

    public ProvisioningResult continueRun(UUID runId, ProvisioningListener listener) {
        var run = runs.byId(runId).orElseThrow();
        if (run.status().equals("succeeded")) {
            return new ProvisioningResult(run.projectId(), runId, Status.ALREADY_SUCCEEDED, null, null, null);
        }
        var staleBefore = clock.instant().minus(STALE).atOffset(ZoneOffset.UTC);
        Integer claimed = tx.execute(s -> {
            int n = dsl.update(PROVISIONING_RUN).set(PROVISIONING_RUN.STATUS, "running").set(PROVISIONING_RUN.ERROR, (String) null)
                    .set(PROVISIONING_RUN.FINISHED_AT, (java.time.OffsetDateTime) null)
                    .set(PROVISIONING_RUN.STARTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(PROVISIONING_RUN.ATTEMPTS, PROVISIONING_RUN.ATTEMPTS.plus(1))
                    .where(PROVISIONING_RUN.RUN_ID.eq(runId))
                    .and(PROVISIONING_RUN.STATUS.eq("failed").or(PROVISIONING_RUN.STATUS.eq("running").and(PROVISIONING_RUN.STARTED_AT.lt(staleBefore))))
                    .execute();
            dsl.update(PROJECT).set(PROJECT.STATUS, "provisioning").where(PROJECT.PROJECT_ID.eq(run.projectId()))
                    .and(PROJECT.STATUS.eq("failed")).execute();
            return n;
        });
        if (claimed == null || claimed == 0) {
            return new ProvisioningResult(run.projectId(), runId, Status.IN_PROGRESS, null, "Another request is provisioning this project now.", null);
        }
        return engine.run(runId, listener, true);
    }
}
