package io.sextant.platform.changes.internal;

import static io.sextant.jooq.ops.Tables.CHANGE_REQUEST;
import static io.sextant.jooq.ops.Tables.CHANGE_REVISION;
import static io.sextant.jooq.ops.Tables.CHANGE_TARGET_HOLD;
import static io.sextant.platform.changes.internal.JooqChangeRepository.ts;

import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A target's queue: places in line, holds after a failed apply, and the content each revision replaced. Callers own the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class JooqQueueRepository {

    /** States that have left the line: they neither hold back the changes behind them nor count towards a version. */
    static final List<String> OUT_OF_LINE = List.of(ChangeState.APPLIED.dbValue(), ChangeState.REJECTED.dbValue(), ChangeState.ABANDONED.dbValue());

    private final DSLContext dsl;

    JooqQueueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Serialises submissions and applies of one target until the transaction ends (places and versions are counted under it). */
    public void lockTarget(String targetId) {
        dsl.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class, DSL.val("change-target:" + targetId))).fetch();
    }

    /** The last place ever given in the target's queue, 0 if none: places are never reused. */
    public int lastPosition(String targetId) {
        Integer max = dsl.select(DSL.max(CHANGE_REQUEST.SEQUENCE)).from(CHANGE_REQUEST).where(CHANGE_REQUEST.TARGET_ID.eq(targetId))
                .fetchOne(0, Integer.class);
        return max == null ? 0 : max;
    }

    public int countInLine(String targetId) {
        return dsl.fetchCount(CHANGE_REQUEST, CHANGE_REQUEST.TARGET_ID.eq(targetId), inLine());
    }

    /** The first change still in line ahead of {@code position}, if any. */
    public Optional<ChangeRequest> firstInLineBefore(String targetId, int position) {
        return dsl.selectFrom(CHANGE_REQUEST).where(CHANGE_REQUEST.TARGET_ID.eq(targetId), CHANGE_REQUEST.SEQUENCE.lt(position), inLine())
                .orderBy(CHANGE_REQUEST.SEQUENCE).limit(1).fetchOptional(JooqChangeRepository::map);
    }

    /** Another change in line at this place (a rewrite accepted in place of a rejected change takes its place). */
    public Optional<String> placeTakenBy(String targetId, int position, String exceptChangeId) {
        return dsl.select(CHANGE_REQUEST.CHANGE_ID).from(CHANGE_REQUEST).where(CHANGE_REQUEST.TARGET_ID.eq(targetId),
                CHANGE_REQUEST.SEQUENCE.eq(position), CHANGE_REQUEST.CHANGE_ID.ne(exceptChangeId),
                CHANGE_REQUEST.STATE.notIn(ChangeState.REJECTED.dbValue(), ChangeState.ABANDONED.dbValue())).limit(1).fetchOptional(CHANGE_REQUEST.CHANGE_ID);
    }

    private static Condition inLine() {
        return CHANGE_REQUEST.STATE.notIn(OUT_OF_LINE);
    }

    /** The change whose failed apply holds the target, while no drift check has run since. */
    public Optional<String> holdingChange(String targetId) {
        return dsl.select(CHANGE_TARGET_HOLD.CHANGE_ID).from(CHANGE_TARGET_HOLD)
                .where(CHANGE_TARGET_HOLD.TARGET_ID.eq(targetId), CHANGE_TARGET_HOLD.RELEASED_AT.isNull()).fetchOptional(CHANGE_TARGET_HOLD.CHANGE_ID);
    }

    /** Holds the target for {@code changeId}; a hold already open stays (the first failure is the one to look at). */
    public void hold(String targetId, String changeId, String reason, Instant now) {
        dsl.insertInto(CHANGE_TARGET_HOLD).set(CHANGE_TARGET_HOLD.TARGET_ID, targetId).set(CHANGE_TARGET_HOLD.CHANGE_ID, changeId)
                .set(CHANGE_TARGET_HOLD.HELD_AT, ts(now)).set(CHANGE_TARGET_HOLD.REASON, reason)
                .onConflict(CHANGE_TARGET_HOLD.TARGET_ID).where(CHANGE_TARGET_HOLD.RELEASED_AT.isNull()).doNothing().execute();
    }

    /** Releases the open hold of a target held before {@code checkedAt}; returns the change that held it. */
    public Optional<String> release(String targetId, String by, Instant checkedAt) {
        return dsl.update(CHANGE_TARGET_HOLD).set(CHANGE_TARGET_HOLD.RELEASED_AT, ts(checkedAt)).set(CHANGE_TARGET_HOLD.RELEASED_BY, by)
                .where(CHANGE_TARGET_HOLD.TARGET_ID.eq(targetId), CHANGE_TARGET_HOLD.RELEASED_AT.isNull(), CHANGE_TARGET_HOLD.HELD_AT.le(ts(checkedAt)))
                .returning(CHANGE_TARGET_HOLD.CHANGE_ID).fetchOptional(CHANGE_TARGET_HOLD.CHANGE_ID);
    }

    /** Keeps the content a revision replaces. */
    public void keepRevision(ChangeRequest replaced, String by, Instant now) {
        dsl.insertInto(CHANGE_REVISION).set(CHANGE_REVISION.CHANGE_ID, replaced.changeId()).set(CHANGE_REVISION.REVISION, replaced.revision())
                .set(CHANGE_REVISION.CONTENT_HASH, replaced.contentHash()).set(CHANGE_REVISION.FORWARD_SQL, replaced.forwardSql())
                .set(CHANGE_REVISION.ROLLBACK_SQL, replaced.rollbackSql()).set(CHANGE_REVISION.STATE, replaced.state().dbValue())
                .set(CHANGE_REVISION.REPLACED_AT, ts(now)).set(CHANGE_REVISION.REPLACED_BY, by).execute();
    }
}
