package io.sextant.platform.audit.internal;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static io.sextant.jooq.ledger.Tables.CHAIN_HEAD;

import io.sextant.jooq.ledger.tables.records.AuditEventRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The chain's rows and its head. Callers own the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class JooqAuditEventRepository {

    /** The newest event's sequence number and hash (0 and {@link ChainHash#GENESIS} when empty). */
    record Head(long seq, byte[] hash) {
    }

    private final DSLContext dsl;

    JooqAuditEventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Locks the single head row until the transaction ends: this is what orders appends and keeps seq gap-free. */
    public Head lockHead() {
        return dsl.select(CHAIN_HEAD.SEQ, CHAIN_HEAD.HASH).from(CHAIN_HEAD).where(CHAIN_HEAD.CHAIN_ID.eq(1))
                .forUpdate().fetchSingle(r -> new Head(r.value1(), r.value2()));
    }

    public Head head() {
        return dsl.select(CHAIN_HEAD.SEQ, CHAIN_HEAD.HASH).from(CHAIN_HEAD).where(CHAIN_HEAD.CHAIN_ID.eq(1))
                .fetchSingle(r -> new Head(r.value1(), r.value2()));
    }

    public void insert(StoredEvent e) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.SEQ, e.seq())
                .set(AUDIT_EVENT.EVENT_ID, e.eventId())
                .set(AUDIT_EVENT.OCCURRED_AT, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                .set(AUDIT_EVENT.ACTOR, e.actor())
                .set(AUDIT_EVENT.ACTION, e.action())
                .set(AUDIT_EVENT.TARGET_TYPE, e.targetType())
                .set(AUDIT_EVENT.TARGET_ID, e.targetId())
                .set(AUDIT_EVENT.OUTCOME, e.outcome())
                .set(AUDIT_EVENT.REQUEST_ID, e.requestId())
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(e.details()))
                .set(AUDIT_EVENT.PREV_HASH, e.prevHash())
                .set(AUDIT_EVENT.HASH, e.hash())
                .execute();
    }

    public void moveHead(long seq, byte[] hash) {
        dsl.update(CHAIN_HEAD).set(CHAIN_HEAD.SEQ, seq).set(CHAIN_HEAD.HASH, hash)
                .where(CHAIN_HEAD.CHAIN_ID.eq(1)).execute();
    }

    /** The next batch of events after {@code seq}, in sequence order (keyset, so the walk never holds the table). */
    public List<StoredEvent> after(long seq, int limit) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(seq)).orderBy(AUDIT_EVENT.SEQ).limit(limit)
                .fetch(JooqAuditEventRepository::toStored);
    }

    /** Where an event with that hash is stored; only asked while explaining a problem, so no index is needed. */
    public OptionalLong seqOfHash(byte[] hash) {
        return dsl.select(AUDIT_EVENT.SEQ).from(AUDIT_EVENT).where(AUDIT_EVENT.HASH.eq(hash))
                .orderBy(AUDIT_EVENT.SEQ).limit(1).fetchOptional(AUDIT_EVENT.SEQ)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public Optional<byte[]> hashAt(long seq) {
        return dsl.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq)).fetchOptional(AUDIT_EVENT.HASH);
    }

    private static StoredEvent toStored(AuditEventRecord r) {
        return new StoredEvent(r.getSeq(), r.getEventId(), r.getOccurredAt().toInstant(), r.getActor(), r.getAction(),
                r.getTargetType(), r.getTargetId(), r.getOutcome(), r.getRequestId(), r.getDetails().data(),
                r.getPrevHash(), r.getHash());
    }
}
