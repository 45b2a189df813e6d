package io.sextant.platform.audit.internal;

import static io.sextant.jooq.ledger.Tables.VERIFICATION_RUN;

import io.sextant.platform.audit.VerificationRun;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of verification runs. Callers own the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class JooqVerificationRunRepository {

    private final DSLContext dsl;

    JooqVerificationRunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Instant startedAt, Instant finishedAt, String actor, long eventsChecked,
            @Nullable String problem, @Nullable Long problemSeq) {
        dsl.insertInto(VERIFICATION_RUN)
                .set(VERIFICATION_RUN.STARTED_AT, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
                .set(VERIFICATION_RUN.FINISHED_AT, OffsetDateTime.ofInstant(finishedAt, ZoneOffset.UTC))
                .set(VERIFICATION_RUN.ACTOR, actor)
                .set(VERIFICATION_RUN.EVENTS_CHECKED, eventsChecked)
                .set(VERIFICATION_RUN.INTACT, problem == null)
                .set(VERIFICATION_RUN.PROBLEM, problem)
                .set(VERIFICATION_RUN.PROBLEM_SEQ, problemSeq)
                .execute();
    }

    public Optional<VerificationRun> latest() {
        return dsl.selectFrom(VERIFICATION_RUN).orderBy(VERIFICATION_RUN.RUN_ID.desc()).limit(1)
                .fetchOptional(r -> new VerificationRun(r.getRunId(), r.getStartedAt().toInstant(),
                        r.getFinishedAt().toInstant(), r.getActor(), r.getEventsChecked(), r.getIntact(),
                        r.getProblem(), r.getProblemSeq()));
    }
}
