package io.sextant.platform.risk.internal;

import static io.sextant.jooq.vedic.Tables.RISK_MODEL_HEAD;
import static io.sextant.jooq.vedic.Tables.RISK_MODEL_VERSION;

import io.sextant.jooq.vedic.tables.records.RiskModelVersionRecord;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskModelVersion;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Model versions and the publication head. Writes join the service's transaction. */
@Component
class JooqModelStore {

    private final DSLContext dsl;

    JooqModelStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean insertDraft(UUID projectId, String source, RiskModel m, String author, Instant at) {
        return dsl.insertInto(RISK_MODEL_VERSION).set(RISK_MODEL_VERSION.PROJECT_ID, projectId).set(RISK_MODEL_VERSION.VERSION_HASH, m.hash())
                .set(RISK_MODEL_VERSION.SOURCE, source).set(RISK_MODEL_VERSION.CANONICAL, m.canonical())
                .set(RISK_MODEL_VERSION.FEATURE_DEFS, m.featureDefinitions()).set(RISK_MODEL_VERSION.THRESHOLD, m.threshold())
                .set(RISK_MODEL_VERSION.AUTHOR, author).set(RISK_MODEL_VERSION.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(RISK_MODEL_VERSION.STATE, "draft").onConflictDoNothing().execute() == 1;
    }

    Optional<RiskModelVersion> find(UUID projectId, String hash) {
        return dsl.selectFrom(RISK_MODEL_VERSION).where(RISK_MODEL_VERSION.PROJECT_ID.eq(projectId)).and(RISK_MODEL_VERSION.VERSION_HASH.eq(hash))
                .fetchOptional(JooqModelStore::version);
    }

    List<RiskModelVersion> list(UUID projectId) {
        return dsl.selectFrom(RISK_MODEL_VERSION).where(RISK_MODEL_VERSION.PROJECT_ID.eq(projectId))
                .orderBy(RISK_MODEL_VERSION.CREATED_AT.desc(), RISK_MODEL_VERSION.VERSION_HASH).fetch(JooqModelStore::version);
    }

    /** The published hash and the publication counter, if anything was ever published. */
    Optional<org.jooq.Record2<String, Integer>> head(UUID projectId) {
        return dsl.select(RISK_MODEL_HEAD.PUBLISHED_HASH, RISK_MODEL_HEAD.VERSION).from(RISK_MODEL_HEAD).where(RISK_MODEL_HEAD.PROJECT_ID.eq(projectId))
                .fetchOptional();
    }

    /** Moves a version between states; false when it was not in {@code from} (someone else moved it). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean move(UUID projectId, String hash, List<String> from, String to, String who, Instant at) {
        var update = dsl.update(RISK_MODEL_VERSION).set(RISK_MODEL_VERSION.STATE, to);
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        var set = to.equals("proposed") ? update.set(RISK_MODEL_VERSION.PROPOSED_BY, who).set(RISK_MODEL_VERSION.PROPOSED_AT, when)
                : to.equals("superseded") ? update : update.set(RISK_MODEL_VERSION.DECIDED_BY, who).set(RISK_MODEL_VERSION.DECIDED_AT, when);
        return set.where(RISK_MODEL_VERSION.PROJECT_ID.eq(projectId)).and(RISK_MODEL_VERSION.VERSION_HASH.eq(hash))
                .and(RISK_MODEL_VERSION.STATE.in(from)).execute() == 1;
    }

    /** Every other published version of the project becomes superseded (run after the head moved, under its lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    void supersedeOthers(UUID projectId, String hash) {
        dsl.update(RISK_MODEL_VERSION).set(RISK_MODEL_VERSION.STATE, "superseded").where(RISK_MODEL_VERSION.PROJECT_ID.eq(projectId))
                .and(RISK_MODEL_VERSION.STATE.eq("published")).and(RISK_MODEL_VERSION.VERSION_HASH.ne(hash)).execute();
    }

    /**
     * Points the project's head at {@code hash} if the head is still at {@code expected}: the
     * optimistic lock of publication. Concurrent callers with the same expectation queue on the row
     * (or on the key for the first publication) and only the first finds it unchanged.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean advanceHead(UUID projectId, String hash, int expected, Instant at) {
        if (expected == 0) {
            return dsl.insertInto(RISK_MODEL_HEAD).set(RISK_MODEL_HEAD.PROJECT_ID, projectId).set(RISK_MODEL_HEAD.PUBLISHED_HASH, hash)
                    .set(RISK_MODEL_HEAD.VERSION, 1).set(RISK_MODEL_HEAD.UPDATED_AT, at.atOffset(ZoneOffset.UTC)).onConflictDoNothing().execute() == 1;
        }
        return dsl.update(RISK_MODEL_HEAD).set(RISK_MODEL_HEAD.PUBLISHED_HASH, hash).set(RISK_MODEL_HEAD.VERSION, expected + 1)
                .set(RISK_MODEL_HEAD.UPDATED_AT, at.atOffset(ZoneOffset.UTC)).where(RISK_MODEL_HEAD.PROJECT_ID.eq(projectId))
                .and(RISK_MODEL_HEAD.VERSION.eq(expected)).execute() == 1;
    }

    private static RiskModelVersion version(RiskModelVersionRecord v) {
        return new RiskModelVersion(v.getVersionHash(), v.getProjectId(), v.getSource(), v.getCanonical(), v.getFeatureDefs(), v.getThreshold(),
                v.getAuthor(), v.getCreatedAt().toInstant(), v.getState(), v.getProposedBy(), instant(v.getProposedAt()), v.getDecidedBy(),
                instant(v.getDecidedAt()));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
