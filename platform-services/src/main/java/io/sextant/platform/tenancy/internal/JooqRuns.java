package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROVISIONING_RUN;
import static io.sextant.jooq.control_plane.Tables.PROVISIONING_STEP;

import io.sextant.platform.tenancy.ProvisioningStep;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The durable record of provisioning runs and their steps; callers own the transaction. */
@Repository
class JooqRuns {

    record Run(UUID runId, UUID projectId, String status) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    JooqRuns(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    Optional<Run> byKey(String idempotencyKey) {
        return dsl.select(PROVISIONING_RUN.RUN_ID, PROVISIONING_RUN.PROJECT_ID, PROVISIONING_RUN.STATUS).from(PROVISIONING_RUN)
                .where(PROVISIONING_RUN.IDEMPOTENCY_KEY.eq(idempotencyKey)).fetchOptional(r -> new Run(r.value1(), r.value2(), r.value3()));
    }

    Optional<Run> byId(UUID runId) {
        return dsl.select(PROVISIONING_RUN.RUN_ID, PROVISIONING_RUN.PROJECT_ID, PROVISIONING_RUN.STATUS).from(PROVISIONING_RUN)
                .where(PROVISIONING_RUN.RUN_ID.eq(runId)).fetchOptional(r -> new Run(r.value1(), r.value2(), r.value3()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void create(UUID runId, UUID projectId, String idempotencyKey) {
        dsl.insertInto(PROVISIONING_RUN).set(PROVISIONING_RUN.RUN_ID, runId).set(PROVISIONING_RUN.PROJECT_ID, projectId)
                .set(PROVISIONING_RUN.IDEMPOTENCY_KEY, idempotencyKey).set(PROVISIONING_RUN.KIND, "provision")
                .set(PROVISIONING_RUN.STATUS, "running").set(PROVISIONING_RUN.STARTED_AT, now()).execute();
        for (ProvisioningStep s : ProvisioningStep.values()) {
            dsl.insertInto(PROVISIONING_STEP).set(PROVISIONING_STEP.RUN_ID, runId).set(PROVISIONING_STEP.ORDINAL, s.ordinal())
                    .set(PROVISIONING_STEP.STEP, s.name().toLowerCase(java.util.Locale.ROOT))
                    .set(PROVISIONING_STEP.STATUS, s == ProvisioningStep.RESERVE ? "done" : "pending")
                    .set(PROVISIONING_STEP.STARTED_AT, s == ProvisioningStep.RESERVE ? now() : null)
                    .set(PROVISIONING_STEP.FINISHED_AT, s == ProvisioningStep.RESERVE ? now() : null).execute();
        }
    }

    Set<ProvisioningStep> done(UUID runId) {
        return dsl.select(PROVISIONING_STEP.ORDINAL).from(PROVISIONING_STEP).where(PROVISIONING_STEP.RUN_ID.eq(runId))
                .and(PROVISIONING_STEP.STATUS.eq("done")).fetch(r -> ProvisioningStep.values()[r.value1()])
                .stream().collect(Collectors.toSet());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void step(UUID runId, ProvisioningStep step, String status, String detail) {
        var u = dsl.update(PROVISIONING_STEP).set(PROVISIONING_STEP.STATUS, status).set(PROVISIONING_STEP.DETAIL, detail);
        (status.equals("running") ? u.set(PROVISIONING_STEP.STARTED_AT, now()).set(PROVISIONING_STEP.FINISHED_AT, (OffsetDateTime) null)
                : u.set(PROVISIONING_STEP.FINISHED_AT, now()))
                .where(PROVISIONING_STEP.RUN_ID.eq(runId)).and(PROVISIONING_STEP.ORDINAL.eq(step.ordinal())).execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void finish(UUID runId, String status, String error) {
        dsl.update(PROVISIONING_RUN).set(PROVISIONING_RUN.STATUS, status).set(PROVISIONING_RUN.ERROR, error)
                .set(PROVISIONING_RUN.FINISHED_AT, now()).where(PROVISIONING_RUN.RUN_ID.eq(runId)).execute();
    }


}
