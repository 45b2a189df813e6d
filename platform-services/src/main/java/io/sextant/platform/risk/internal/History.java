package io.sextant.platform.risk.internal;

import static io.sextant.jooq.vedic.Tables.RECORDED_REQUEST;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jspecify.annotations.Nullable;

/**
 * A principal's recorded requests up to and including {@code through}, the last one recorded before
 * the request being scored. Scoring holds a per-principal lock (see {@link ScoreRecorder}), so every
 * request of the principal up to {@code through} is committed: reading "up to through" again later
 * reads the same rows.
 */
final class History {

    private final DSLContext dsl;
    private final UUID projectId;
    private final String principal;
    private final @Nullable Long through;

    History(DSLContext dsl, UUID projectId, String principal, @Nullable Long through) {
        this.dsl = dsl;
        this.projectId = projectId;
        this.principal = principal;
        this.through = through;
    }

    @Nullable Long through() {
        return through;
    }

    boolean empty() {
        return through == null;
    }

    private Condition mine() {
        return RECORDED_REQUEST.PROJECT_ID.eq(projectId).and(RECORDED_REQUEST.PRINCIPAL.eq(principal))
                .and(RECORDED_REQUEST.REQUEST_ID.le(through == null ? -1L : through));
    }

    /** The last {@code n} positive amounts, newest first: (id, amount). */
    List<long[]> lastAmounts(int n) {
        return dsl.select(RECORDED_REQUEST.REQUEST_ID, RECORDED_REQUEST.AMOUNT).from(RECORDED_REQUEST).where(mine())
                .and(RECORDED_REQUEST.AMOUNT.gt(0L)).orderBy(RECORDED_REQUEST.REQUEST_ID.desc()).limit(n)
                .fetch(r -> new long[] {r.value1(), r.value2()});
    }

    /** Ids of requests that occurred in [from, to], oldest first, at most {@code limit}. */
    List<Long> between(Instant from, Instant to, int limit) {
        return dsl.select(RECORDED_REQUEST.REQUEST_ID).from(RECORDED_REQUEST).where(mine())
                .and(RECORDED_REQUEST.OCCURRED_AT.between(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .orderBy(RECORDED_REQUEST.REQUEST_ID).limit(limit).fetch(RECORDED_REQUEST.REQUEST_ID);
    }

    /** The first earlier request with this client address or device, if any. */
    @Nullable Long firstWith(Field<String> column, String value) {
        return dsl.select(RECORDED_REQUEST.REQUEST_ID).from(RECORDED_REQUEST).where(mine()).and(column.eq(value))
                .orderBy(RECORDED_REQUEST.REQUEST_ID).limit(1).fetchOptional(RECORDED_REQUEST.REQUEST_ID).orElse(null);
    }

    static Field<String> address() {
        return RECORDED_REQUEST.CLIENT_ADDRESS;
    }

    static Field<String> device() {
        return RECORDED_REQUEST.DEVICE;
    }

    /** The latest earlier request with a location: (id, latitude, longitude). */
    @Nullable Record3<Long, Long, Long> previousLocation() {
        return dsl.select(RECORDED_REQUEST.REQUEST_ID, RECORDED_REQUEST.LATITUDE, RECORDED_REQUEST.LONGITUDE).from(RECORDED_REQUEST).where(mine())
                .and(RECORDED_REQUEST.LATITUDE.isNotNull()).orderBy(RECORDED_REQUEST.REQUEST_ID.desc()).limit(1).fetchOne();
    }
}
