package io.sextant.platform.identity.internal;

import static io.sextant.jooq.security.Tables.SIGNING_KEY;

import io.sextant.jooq.security.tables.records.SigningKeyRecord;
import io.sextant.platform.identity.SigningKeyInfo;
import io.sextant.platform.identity.SigningKeyInfo.KeyState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Signing keys in {@code security.signing_key}; the service owns the transaction. */
@Repository
public class JooqSigningKeyRepository {

    private final DSLContext dsl;

    JooqSigningKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(SigningKeyRecord key) {
        dsl.executeInsert(key);
    }

    /** Keys that belong in JWKS: published, active and retiring, newest first. */
    public List<SigningKeyRecord> published() {
        return dsl.selectFrom(SIGNING_KEY)
                .where(SIGNING_KEY.STATE.in("published", "active", "retiring"))
                .orderBy(SIGNING_KEY.CREATED_AT.desc())
                .fetch();
    }

    public List<SigningKeyInfo> all() {
        return dsl.selectFrom(SIGNING_KEY).orderBy(SIGNING_KEY.CREATED_AT.desc()).fetch(JooqSigningKeyRepository::info);
    }

    /** Locks every non-retired key row, so concurrent rotations and promotions serialise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SigningKeyRecord> lockLive() {
        return dsl.selectFrom(SIGNING_KEY)
                .where(SIGNING_KEY.STATE.ne("retired"))
                .orderBy(SIGNING_KEY.CREATED_AT)
                .forUpdate()
                .fetch();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void update(SigningKeyRecord key) {
        dsl.executeUpdate(key);
    }

    static SigningKeyInfo info(SigningKeyRecord r) {
        return new SigningKeyInfo(r.getKid(), KeyState.of(r.getState()), r.getAlgorithm(),
                instant(r.getCreatedAt()), instant(r.getActivateAfter()), instant(r.getActivatedAt()),
                instant(r.getRetireAfter()), instant(r.getRetiredAt()));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
