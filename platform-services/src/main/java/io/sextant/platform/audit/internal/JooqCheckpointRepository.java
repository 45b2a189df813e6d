package io.sextant.platform.audit.internal;

import static io.sextant.jooq.ledger.Tables.CHECKPOINT;
import static io.sextant.jooq.ledger.Tables.CHECKPOINT_KEY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Signed checkpoints and the one key that signs them. Callers own the transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class JooqCheckpointRepository {

    record StoredKey(String keyId, byte[] publicKey, byte[] privateKey) {
    }

    record StoredCheckpoint(long seq, byte[] headHash, Instant createdAt, String keyId, byte[] signature) {
    }

    private final DSLContext dsl;

    JooqCheckpointRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<StoredKey> key() {
        return dsl.selectFrom(CHECKPOINT_KEY).fetchOptional(r -> new StoredKey(r.getKeyId(), r.getPublicKey(), r.getPrivateKey()));
    }

    /** Inserts the key unless one exists already (a concurrent first checkpoint may have won); the caller re-reads. */
    public void insertKeyIfAbsent(StoredKey key, Instant createdAt) {
        dsl.insertInto(CHECKPOINT_KEY)
                .set(CHECKPOINT_KEY.KEY_ID, key.keyId())
                .set(CHECKPOINT_KEY.ALGORITHM, "Ed25519")
                .set(CHECKPOINT_KEY.PUBLIC_KEY, key.publicKey())
                .set(CHECKPOINT_KEY.PRIVATE_KEY, key.privateKey())
                .set(CHECKPOINT_KEY.CREATED_AT, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    /** Replaces the stored (not yet sealed) private key with its sealed form; the public key never changes. */
    public void replacePrivateKey(String keyId, byte[] sealed) {
        dsl.update(CHECKPOINT_KEY).set(CHECKPOINT_KEY.PRIVATE_KEY, sealed).where(CHECKPOINT_KEY.KEY_ID.eq(keyId)).execute();
    }

    public void insert(StoredCheckpoint cp) {
        dsl.insertInto(CHECKPOINT)
                .set(CHECKPOINT.SEQ, cp.seq())
                .set(CHECKPOINT.HEAD_HASH, cp.headHash())
                .set(CHECKPOINT.CREATED_AT, OffsetDateTime.ofInstant(cp.createdAt(), ZoneOffset.UTC))
                .set(CHECKPOINT.KEY_ID, cp.keyId())
                .set(CHECKPOINT.SIGNATURE, cp.signature())
                .execute();
    }

    /** The checkpoint of the newest head (the highest seq, latest taken among equals). */
    public Optional<StoredCheckpoint> latest() {
        return dsl.selectFrom(CHECKPOINT).orderBy(CHECKPOINT.SEQ.desc(), CHECKPOINT.CHECKPOINT_ID.desc()).limit(1)
                .fetchOptional(r -> new StoredCheckpoint(r.getSeq(), r.getHeadHash(), r.getCreatedAt().toInstant(),
                        r.getKeyId(), r.getSignature()));
    }
}
