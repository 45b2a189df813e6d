package io.sextant.platform.audit;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static io.sextant.jooq.ledger.Tables.CHAIN_HEAD;
import static io.sextant.jooq.ledger.Tables.CHECKPOINT;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.spring.PlatformDatabaseEnvironment;
import io.sextant.jooq.ledger.tables.records.AuditEventRecord;
import io.sextant.jooq.ledger.tables.records.ChainHeadRecord;
import io.sextant.jooq.ledger.tables.records.CheckpointRecord;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Damages the ledger the way an attacker with the owner role could, and undoes it: the tests
 * share one database per JVM, so every tamper returns an {@link Undo} that puts the rows back
 * exactly (same seq, hash and content) for the tests that run after.
 */
final class LedgerTamper {

    /** Restores what the tamper changed. */
    interface Undo extends AutoCloseable {
        @Override
        void close();
    }

    private final DSLContext owner;

    LedgerTamper() {
        EmbeddedPostgresServer server = PlatformDatabaseEnvironment.embeddedServer();
        this.owner = DSL.using(server.dataSource(DatabaseBootstrap.DATABASE, DatabaseBootstrap.OWNER_ROLE,
                server.secrets().getOrCreate(DatabaseBootstrap.OWNER_ROLE)), SQLDialect.POSTGRES);
    }

    Undo alterActor(long seq, String actor) {
        String original = owner.select(AUDIT_EVENT.ACTOR).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq)).fetchSingle().value1();
        owner.update(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, actor).where(AUDIT_EVENT.SEQ.eq(seq)).execute();
        return () -> owner.update(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, original).where(AUDIT_EVENT.SEQ.eq(seq)).execute();
    }

    Undo delete(long seq) {
        AuditEventRecord row = owner.fetchSingle(AUDIT_EVENT, AUDIT_EVENT.SEQ.eq(seq));
        owner.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq)).execute();
        return () -> reinsert(List.of(row));
    }

    /** Makes room after {@code afterSeq} and puts a forged event there, linked to its predecessor but with a made-up hash. */
    Undo insertForgedAfter(long afterSeq) {
        byte[] prev = owner.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(afterSeq)).fetchSingle().value1();
        shift(afterSeq, +1);
        byte[] madeUp = new byte[32];
        new SecureRandom().nextBytes(madeUp);
        owner.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.SEQ, afterSeq + 1).set(AUDIT_EVENT.EVENT_ID, UUID.randomUUID())
                .set(AUDIT_EVENT.OCCURRED_AT, OffsetDateTime.now(ZoneOffset.UTC)).set(AUDIT_EVENT.ACTOR, "mallory")
                .set(AUDIT_EVENT.ACTION, "audit.forged").set(AUDIT_EVENT.TARGET_TYPE, "nothing")
                .set(AUDIT_EVENT.OUTCOME, "succeeded").set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{}"))
                .set(AUDIT_EVENT.PREV_HASH, prev).set(AUDIT_EVENT.HASH, madeUp)
                .execute();
        return () -> {
            owner.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(afterSeq + 1)).execute();
            shift(afterSeq + 1, -1);
        };
    }

    Undo swap(long a, long b) {
        swapSeq(a, b);
        return () -> swapSeq(a, b);
    }

    /**
     * Cuts off the newest {@code count} events the way a careful attacker would: also deletes every
     * checkpoint row and moves the chain head back, so only the external checkpoint file remembers.
     */
    Undo truncate(int count, boolean alsoRewindHead) {
        List<AuditEventRecord> cut = owner.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ.desc()).limit(count).fetch();
        List<CheckpointRecord> checkpoints = owner.selectFrom(CHECKPOINT).fetch();
        ChainHeadRecord head = owner.fetchSingle(CHAIN_HEAD);
        long firstCut = cut.getLast().getSeq();
        owner.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.ge(firstCut)).execute();
        owner.deleteFrom(CHECKPOINT).execute();
        if (alsoRewindHead) {
            AuditEventRecord newest = owner.fetchSingle(AUDIT_EVENT, AUDIT_EVENT.SEQ.eq(firstCut - 1));
            owner.update(CHAIN_HEAD).set(CHAIN_HEAD.SEQ, newest.getSeq()).set(CHAIN_HEAD.HASH, newest.getHash()).execute();
        }
        return () -> {
            reinsert(cut);
            checkpoints.forEach(cp -> {
                cp.changed(true);
                cp.changed(CHECKPOINT.CHECKPOINT_ID, false); // an identity column; the id itself carries no meaning
                owner.insertInto(CHECKPOINT).set(cp).execute();
            });
            owner.update(CHAIN_HEAD).set(CHAIN_HEAD.SEQ, head.getSeq()).set(CHAIN_HEAD.HASH, head.getHash()).execute();
        };
    }

    private void reinsert(List<AuditEventRecord> rows) {
        rows.forEach(r -> {
            r.changed(true);
            owner.insertInto(AUDIT_EVENT).set(r).execute();
        });
    }

    /** Moves every event after {@code afterSeq} by {@code delta}, through negative seqs so the primary key never collides. */
    private void shift(long afterSeq, int delta) {
        owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SEQ, AUDIT_EVENT.SEQ.plus(delta).neg()).where(AUDIT_EVENT.SEQ.gt(afterSeq)).execute();
        owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SEQ, AUDIT_EVENT.SEQ.neg()).where(AUDIT_EVENT.SEQ.lt(0L)).execute();
    }

    private void swapSeq(long a, long b) {
        owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SEQ, -1L).where(AUDIT_EVENT.SEQ.eq(a)).execute();
        owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SEQ, a).where(AUDIT_EVENT.SEQ.eq(b)).execute();
        owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SEQ, b).where(AUDIT_EVENT.SEQ.eq(-1L)).execute();
    }
}
