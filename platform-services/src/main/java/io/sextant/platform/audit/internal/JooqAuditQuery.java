package io.sextant.platform.audit.internal;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;

import io.sextant.jooq.ledger.tables.records.AuditEventRecord;
import io.sextant.platform.audit.AuditEventView;
import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditOutcome;
import io.sextant.platform.audit.AuditPage;
import io.sextant.platform.audit.AuditQuery;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit screen's read model: keyset pages by seq descending, one row more than asked to know if more follow. */
@Service
class JooqAuditQuery implements AuditQuery {

    static final int MAX_LIMIT = 500;

    private final DSLContext dsl;

    JooqAuditQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    @PreAuthorize(AuditConfiguration.READERS_OR_CHANGE_TRAIL)
    @Transactional(readOnly = true)
    public AuditPage find(AuditFilter filter, @Nullable Long beforeSeq, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Condition where = DSL.noCondition();
        if (filter.actor() != null) {
            where = where.and(AUDIT_EVENT.ACTOR.eq(filter.actor()));
        }
        if (filter.action() != null) {
            where = where.and(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.from() != null) {
            where = where.and(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where = where.and(AUDIT_EVENT.OCCURRED_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        }
        if (filter.targetType() != null) {
            where = where.and(AUDIT_EVENT.TARGET_TYPE.eq(filter.targetType()));
        }
        if (filter.targetId() != null) {
            where = where.and(AUDIT_EVENT.TARGET_ID.eq(filter.targetId()));
        }
        if (beforeSeq != null) {
            where = where.and(AUDIT_EVENT.SEQ.lt(beforeSeq));
        }
        List<AuditEventView> rows = dsl.selectFrom(AUDIT_EVENT).where(where).orderBy(AUDIT_EVENT.SEQ.desc())
                .limit(limit + 1).fetch(JooqAuditQuery::view);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEventView> page = rows.subList(0, limit);
        return new AuditPage(page, page.getLast().seq());
    }

    private static AuditEventView view(AuditEventRecord r) {
        return new AuditEventView(r.getSeq(), r.getOccurredAt().toInstant(), r.getActor(), r.getAction(),
                r.getTargetType(), r.getTargetId(), AuditOutcome.valueOf(r.getOutcome().toUpperCase(Locale.ROOT)),
                r.getRequestId(), CanonicalJson.toMap(r.getDetails().data()));
    }
}
