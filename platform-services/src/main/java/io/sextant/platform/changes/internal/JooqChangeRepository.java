package io.sextant.platform.changes.internal;

import static io.sextant.jooq.ops.Tables.CHANGE_APPLIED;
import static io.sextant.jooq.ops.Tables.CHANGE_APPROVAL;
import static io.sextant.jooq.ops.Tables.CHANGE_CHECK;
import static io.sextant.jooq.ops.Tables.CHANGE_REQUEST;

import io.sextant.jooq.ops.tables.records.ChangeRequestRecord;
import io.sextant.platform.changes.Approval;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.RiskLevel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** ops.change_* rows. Callers own the transaction; state moves are conditional updates on state and version. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class JooqChangeRepository {

    private final DSLContext dsl;

    JooqChangeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    public void insert(ChangeRequest c) {
        ChangeRequestRecord r = dsl.newRecord(CHANGE_REQUEST);
        r.setChangeId(c.changeId());
        r.setTargetId(c.targetId());
        r.setSequence(c.sequence());
        r.setDescription(c.description());
        r.setAuthor(c.author());
        r.setForwardSql(c.forwardSql());
        r.setRollbackSql(c.rollbackSql());
        r.setRollbackDerived(c.rollbackDerived());
        r.setContentHash(c.contentHash());
        r.setForwardChecksum(c.forwardChecksum());
        r.setState(c.state().dbValue());
        r.setCreatedAt(ts(c.createdAt()));
        r.setUpdatedAt(ts(c.updatedAt()));
        r.setVersion(c.version());
        r.setRevision(c.revision());
        r.insert();
    }

    public Optional<ChangeRequest> find(String id) {
        return dsl.selectFrom(CHANGE_REQUEST).where(CHANGE_REQUEST.CHANGE_ID.eq(id)).fetchOptional(JooqChangeRepository::map);
    }

    /** Locks the row until the transaction ends (serialises transitions of one change). */
    public Optional<ChangeRequest> lock(String id) {
        return dsl.selectFrom(CHANGE_REQUEST).where(CHANGE_REQUEST.CHANGE_ID.eq(id)).forUpdate().fetchOptional(JooqChangeRepository::map);
    }

    public List<ChangeRequest> list(String targetId) {
        return dsl.selectFrom(CHANGE_REQUEST).where(CHANGE_REQUEST.TARGET_ID.eq(targetId)).orderBy(CHANGE_REQUEST.SEQUENCE)
                .fetch(JooqChangeRepository::map);
    }

    /** Changes in one of {@code states} whose last transition was before {@code before}, oldest first. */
    public List<ChangeRequest> inStatesSince(List<ChangeState> states, Instant before) {
        return dsl.selectFrom(CHANGE_REQUEST)
                .where(CHANGE_REQUEST.STATE.in(states.stream().map(ChangeState::dbValue).toList()), CHANGE_REQUEST.UPDATED_AT.lt(ts(before)))
                .orderBy(CHANGE_REQUEST.UPDATED_AT).fetch(JooqChangeRepository::map);
    }

    /** Changes in one of {@code states}, most recently moved first, at most {@code limit}. */
    public List<ChangeRequest> inStates(List<ChangeState> states, int limit) {
        return dsl.selectFrom(CHANGE_REQUEST).where(CHANGE_REQUEST.STATE.in(states.stream().map(ChangeState::dbValue).toList()))
                .orderBy(CHANGE_REQUEST.UPDATED_AT.desc()).limit(limit).fetch(JooqChangeRepository::map);
    }

    /**
     * Moves a change from one of {@code from} to {@code to} if its version is still {@code version}.
     * Returns false when someone else moved it first: that is the optimistic lock and the exactly-once guard.
     */
    public boolean transition(String id, int version, List<ChangeState> from, ChangeState to, @Nullable String reason, Instant now) {
        return dsl.update(CHANGE_REQUEST)
                .set(CHANGE_REQUEST.STATE, to.dbValue())
                .set(CHANGE_REQUEST.STATE_REASON, reason)
                .set(CHANGE_REQUEST.UPDATED_AT, ts(now))
                .set(CHANGE_REQUEST.VERSION, CHANGE_REQUEST.VERSION.plus(1))
                .where(CHANGE_REQUEST.CHANGE_ID.eq(id), CHANGE_REQUEST.VERSION.eq(version),
                        CHANGE_REQUEST.STATE.in(from.stream().map(ChangeState::dbValue).toList()))
                .execute() == 1;
    }

    /** A new revision: new content, back to SUBMITTED, verdict cleared, revision + 1. */
    public boolean updateContent(String id, int version, String forward, @Nullable String rollback, boolean derived,
                                 String hash, String checksum, String reason, Instant now) {
        return dsl.update(CHANGE_REQUEST)
                .set(CHANGE_REQUEST.FORWARD_SQL, forward).set(CHANGE_REQUEST.ROLLBACK_SQL, rollback)
                .set(CHANGE_REQUEST.ROLLBACK_DERIVED, derived).set(CHANGE_REQUEST.CONTENT_HASH, hash)
                .set(CHANGE_REQUEST.FORWARD_CHECKSUM, checksum).set(CHANGE_REQUEST.STATE, ChangeState.SUBMITTED.dbValue())
                .set(CHANGE_REQUEST.RISK, (String) null).set(CHANGE_REQUEST.REQUIRED_ROLE, (String) null)
                .set(CHANGE_REQUEST.STATE_REASON, reason).set(CHANGE_REQUEST.UPDATED_AT, ts(now))
                .set(CHANGE_REQUEST.VERSION, CHANGE_REQUEST.VERSION.plus(1)).set(CHANGE_REQUEST.REVISION, CHANGE_REQUEST.REVISION.plus(1))
                .where(CHANGE_REQUEST.CHANGE_ID.eq(id), CHANGE_REQUEST.VERSION.eq(version)).execute() == 1;
    }

    public void setVerdict(String id, RiskLevel risk, @Nullable String requiredRole, @Nullable String rollback, boolean derived) {
        dsl.update(CHANGE_REQUEST).set(CHANGE_REQUEST.RISK, risk.name()).set(CHANGE_REQUEST.REQUIRED_ROLE, requiredRole)
                .set(CHANGE_REQUEST.ROLLBACK_SQL, rollback).set(CHANGE_REQUEST.ROLLBACK_DERIVED, derived)
                .where(CHANGE_REQUEST.CHANGE_ID.eq(id)).execute();
    }

    public void flag(String id) {
        dsl.update(CHANGE_REQUEST).set(CHANGE_REQUEST.FLAGGED, true).where(CHANGE_REQUEST.CHANGE_ID.eq(id)).execute();
    }

    public void setAppliedVersion(String id, int appliedVersion) {
        dsl.update(CHANGE_REQUEST).set(CHANGE_REQUEST.APPLIED_VERSION, appliedVersion).where(CHANGE_REQUEST.CHANGE_ID.eq(id)).execute();
    }

    public void insertCheck(String id, String hash, boolean passed, String reportJson, @Nullable String schemaFingerprint, Instant now) {
        dsl.insertInto(CHANGE_CHECK).set(CHANGE_CHECK.CHANGE_ID, id).set(CHANGE_CHECK.CONTENT_HASH, hash)
                .set(CHANGE_CHECK.SCHEMA_FINGERPRINT, schemaFingerprint)
                .set(CHANGE_CHECK.CHECKED_AT, ts(now)).set(CHANGE_CHECK.PASSED, passed).set(CHANGE_CHECK.REPORT, JSONB.valueOf(reportJson))
                .execute();
    }

    public Optional<String> latestCheck(String id, String hash) {
        return dsl.select(CHANGE_CHECK.REPORT).from(CHANGE_CHECK)
                .where(CHANGE_CHECK.CHANGE_ID.eq(id), CHANGE_CHECK.CONTENT_HASH.eq(hash)).orderBy(CHANGE_CHECK.CHECK_ID.desc()).limit(1)
                .fetchOptional(r -> r.value1().data());
    }

    /** The live schema's fingerprint recorded with the latest check of this content; empty if none was recorded. */
    public Optional<String> latestCheckFingerprint(String id, String hash) {
        return dsl.select(CHANGE_CHECK.SCHEMA_FINGERPRINT).from(CHANGE_CHECK)
                .where(CHANGE_CHECK.CHANGE_ID.eq(id), CHANGE_CHECK.CONTENT_HASH.eq(hash)).orderBy(CHANGE_CHECK.CHECK_ID.desc()).limit(1)
                .fetchOptional(CHANGE_CHECK.SCHEMA_FINGERPRINT).filter(java.util.Objects::nonNull);
    }

    public boolean insertApproval(Approval a) {
        return dsl.insertInto(CHANGE_APPROVAL).set(CHANGE_APPROVAL.CHANGE_ID, a.changeId()).set(CHANGE_APPROVAL.CONTENT_HASH, a.contentHash())
                .set(CHANGE_APPROVAL.APPROVER, a.approver()).set(CHANGE_APPROVAL.APPROVER_ROLE, a.approverRole())
                .set(CHANGE_APPROVAL.APPROVED_AT, ts(a.approvedAt())).onConflictDoNothing().execute() == 1;
    }

    public List<Approval> approvals(String id, String hash) {
        return dsl.selectFrom(CHANGE_APPROVAL).where(CHANGE_APPROVAL.CHANGE_ID.eq(id), CHANGE_APPROVAL.CONTENT_HASH.eq(hash))
                .orderBy(CHANGE_APPROVAL.APPROVED_AT)
                .fetch(r -> new Approval(r.getChangeId(), r.getContentHash(), r.getApprover(), r.getApproverRole(), r.getApprovedAt().toInstant()));
    }

    /** The author of the change that {@code candidateId} was accepted in place of, as a suggested rewrite; empty for any other change. */
    public Optional<String> authorOfSupersededOriginal(String candidateId) {
        var original = CHANGE_REQUEST.as("original");
        return dsl.select(original.AUTHOR).from(io.sextant.jooq.ops.Tables.CHANGE_SUGGESTION)
                .join(original).on(original.CHANGE_ID.eq(io.sextant.jooq.ops.Tables.CHANGE_SUGGESTION.CHANGE_ID))
                .where(io.sextant.jooq.ops.Tables.CHANGE_SUGGESTION.CANDIDATE_ID.eq(candidateId))
                .limit(1).fetchOptional(original.AUTHOR);
    }

    /** (sequence, checksum recorded at apply, checksum of the stored SQL now) of every applied change of the target. */
    public List<AppliedChecksum> appliedChecksums(String targetId) {
        return dsl.select(CHANGE_APPLIED.SEQUENCE, CHANGE_APPLIED.FORWARD_CHECKSUM, CHANGE_REQUEST.FORWARD_SQL, CHANGE_APPLIED.CHANGE_ID)
                .from(CHANGE_APPLIED).join(CHANGE_REQUEST).on(CHANGE_REQUEST.CHANGE_ID.eq(CHANGE_APPLIED.CHANGE_ID))
                .where(CHANGE_APPLIED.TARGET_ID.eq(targetId)).orderBy(CHANGE_APPLIED.SEQUENCE)
                .fetch(r -> new AppliedChecksum(r.value1(), r.value4(), r.value2(), ContentHash.checksum(r.value3())));
    }

    record AppliedChecksum(int sequence, String changeId, String recorded, String current) {
    }

    public void insertApplied(String targetId, int sequence, String changeId, String checksum, String by, int attempts,
                              String snapshotJson, String advisorJson, Instant now) {
        dsl.insertInto(CHANGE_APPLIED).set(CHANGE_APPLIED.TARGET_ID, targetId).set(CHANGE_APPLIED.SEQUENCE, sequence)
                .set(CHANGE_APPLIED.CHANGE_ID, changeId).set(CHANGE_APPLIED.FORWARD_CHECKSUM, checksum).set(CHANGE_APPLIED.APPLIED_AT, ts(now))
                .set(CHANGE_APPLIED.APPLIED_BY, by).set(CHANGE_APPLIED.ATTEMPTS, attempts)
                .set(CHANGE_APPLIED.SCHEMA_SNAPSHOT, JSONB.valueOf(snapshotJson)).set(CHANGE_APPLIED.ADVISOR_REPORT, JSONB.valueOf(advisorJson))
                .execute();
    }

    /**
     * The snapshot recorded after the target's latest apply whose snapshot could be read, with its
     * sequence: an apply whose post-apply snapshot failed records the error instead, and that must
     * never become the baseline drift is measured against.
     */
    public Optional<org.jooq.Record2<Integer, JSONB>> lastApplied(String targetId) {
        return dsl.select(CHANGE_APPLIED.SEQUENCE, CHANGE_APPLIED.SCHEMA_SNAPSHOT).from(CHANGE_APPLIED)
                .where(CHANGE_APPLIED.TARGET_ID.eq(targetId), DSL.condition("jsonb_exists({0}, 'objects')", CHANGE_APPLIED.SCHEMA_SNAPSHOT))
                .orderBy(CHANGE_APPLIED.SEQUENCE.desc()).limit(1).fetchOptional();
    }

    public int lastAppliedSequence(String targetId) {
        Integer max = dsl.select(DSL.max(CHANGE_APPLIED.SEQUENCE)).from(CHANGE_APPLIED).where(CHANGE_APPLIED.TARGET_ID.eq(targetId))
                .fetchOne(0, Integer.class);
        return max == null ? 0 : max;
    }

    public void insertAlert(String source, String subject, String severity, String message, Instant now) {
        dsl.insertInto(io.sextant.jooq.ops.Tables.ALERT).set(io.sextant.jooq.ops.Tables.ALERT.ALERT_ID, java.util.UUID.randomUUID())
                .set(io.sextant.jooq.ops.Tables.ALERT.SOURCE, source).set(io.sextant.jooq.ops.Tables.ALERT.SUBJECT_ID, subject)
                .set(io.sextant.jooq.ops.Tables.ALERT.SEVERITY, severity).set(io.sextant.jooq.ops.Tables.ALERT.MESSAGE, message)
                .set(io.sextant.jooq.ops.Tables.ALERT.RAISED_AT, ts(now)).execute();
    }

    static ChangeRequest map(ChangeRequestRecord r) {
        return new ChangeRequest(r.getChangeId(), r.getTargetId(), r.getSequence(), r.getDescription(), r.getAuthor(),
                r.getForwardSql(), r.getRollbackSql(), r.getRollbackDerived(), r.getContentHash(), r.getForwardChecksum(),
                ChangeState.of(r.getState()), r.getRisk() == null ? null : RiskLevel.valueOf(r.getRisk()), r.getRequiredRole(),
                r.getFlagged(), r.getStateReason(), r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant(), r.getVersion(),
                r.getRevision(), r.getAppliedVersion());
    }
}
