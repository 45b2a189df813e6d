package io.sextant.platform.changes.internal;

import static io.sextant.jooq.ops.Tables.ALERT;
import static io.sextant.jooq.ops.Tables.CHANGE_REQUEST;
import static io.sextant.jooq.ops.Tables.CHANGE_SUGGESTION;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.ChangeQuery;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.RiskLevel;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * See {@link ChangeQuery}. Every read walks the partial index {@code change_request_attention} (V0020)
 * and stops after {@link #COUNT_CAP} + 1 rows, counting them with a window in the same query, so a
 * home page costs the same with ten changes or a million (D008).
 */
@Service
@Transactional(readOnly = true)
class JooqChangeQuery implements ChangeQuery {

    private static final List<String> HELD = List.of(ChangeState.CHECKING.dbValue(), ChangeState.APPLYING.dbValue());

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration stuckAfter;

    JooqChangeQuery(DSLContext dsl, AuditLog audit, Clock clock, @Value("${sextant.changes.stuck-after:15m}") Duration stuckAfter) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    @Override
    public Page awaitingMyApproval(int limit) {
        String me = Actors.current();
        if (!Actors.isOperator()) {
            throw refuse("changes.change.awaiting-approval", new ChangeRefusedException("missing-role",
                    "Approving changes needs the Operator or Security admin role"));
        }
        List<String> myRoles = Arrays.stream(ConsoleRole.values()).filter(CurrentRoles::has).map(ConsoleRole::name).toList();
        var original = CHANGE_REQUEST.as("original");
        Condition rewriteOfMine = DSL.exists(DSL.selectOne().from(CHANGE_SUGGESTION)
                .join(original).on(original.CHANGE_ID.eq(CHANGE_SUGGESTION.CHANGE_ID))
                .where(CHANGE_SUGGESTION.CANDIDATE_ID.eq(CHANGE_REQUEST.CHANGE_ID), original.AUTHOR.eq(me)));
        Condition mine = CHANGE_REQUEST.STATE.eq(ChangeState.NEEDS_APPROVAL.dbValue())
                .and(CHANGE_REQUEST.AUTHOR.ne(me))
                .and(DSL.coalesce(CHANGE_REQUEST.REQUIRED_ROLE, ConsoleRole.OPERATOR.name()).in(myRoles))
                .and(DSL.not(rewriteOfMine));
        return page(mine, true, limit);
    }

    @Override
    public Page failedOrStuck(int limit) {
        reader("changes.change.failed-or-stuck");
        Condition failedOrStuck = CHANGE_REQUEST.STATE.eq(ChangeState.FAILED.dbValue())
                .or(CHANGE_REQUEST.STATE.in(HELD).and(CHANGE_REQUEST.UPDATED_AT.lt(JooqChangeRepository.ts(stuckBefore()))));
        return page(failedOrStuck, false, limit);
    }

    @Override
    public AlertPage openAlerts(int limit) {
        reader("changes.alert.list");
        int n = bounded(limit);
        Table<?> matching = dsl.select(ALERT.SOURCE, ALERT.SUBJECT_ID, ALERT.SEVERITY, ALERT.MESSAGE, ALERT.RAISED_AT).from(ALERT)
                .where(ALERT.RESOLVED_AT.isNull()).orderBy(ALERT.RAISED_AT.desc()).limit(COUNT_CAP + 1).asTable("matching");
        Field<OffsetDateTime> raised = matching.field(ALERT.RAISED_AT);
        Field<Integer> total = DSL.count().over().as("total");
        var rows = dsl.select(matching.fields()).select(total).from(matching).orderBy(raised.desc()).limit(n).fetch();
        List<Alert> items = rows.map(r -> new Alert(r.get(matching.field(ALERT.SOURCE)), r.get(matching.field(ALERT.SUBJECT_ID)),
                r.get(matching.field(ALERT.SEVERITY)), r.get(matching.field(ALERT.MESSAGE)), r.get(raised).toInstant()));
        int counted = rows.isEmpty() ? 0 : rows.get(0).get(total);
        return new AlertPage(items, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /**
     * One round trip: the matching rows in order, at most {@link #COUNT_CAP} + 1 of them (the index
     * stops there), counted by a window over that bounded set, of which the first {@code limit} come back.
     */
    private Page page(Condition where, boolean oldestFirst, int limit) {
        int n = bounded(limit);
        Instant stuckBefore = stuckBefore();
        Table<?> matching = dsl.select(CHANGE_REQUEST.CHANGE_ID, CHANGE_REQUEST.TARGET_ID, CHANGE_REQUEST.SEQUENCE,
                        CHANGE_REQUEST.DESCRIPTION, CHANGE_REQUEST.AUTHOR, CHANGE_REQUEST.STATE, CHANGE_REQUEST.RISK,
                        CHANGE_REQUEST.REQUIRED_ROLE, CHANGE_REQUEST.STATE_REASON, CHANGE_REQUEST.UPDATED_AT)
                .from(CHANGE_REQUEST).where(where)
                .orderBy(oldestFirst ? CHANGE_REQUEST.UPDATED_AT.asc() : CHANGE_REQUEST.UPDATED_AT.desc())
                .limit(COUNT_CAP + 1).asTable("matching");
        Field<OffsetDateTime> since = matching.field(CHANGE_REQUEST.UPDATED_AT);
        Field<Integer> total = DSL.count().over().as("total");
        var rows = dsl.select(matching.fields()).select(total).from(matching)
                .orderBy(oldestFirst ? since.asc() : since.desc()).limit(n).fetch();
        List<Headline> items = rows.map(r -> {
            String state = r.get(matching.field(CHANGE_REQUEST.STATE));
            String risk = r.get(matching.field(CHANGE_REQUEST.RISK));
            Instant at = r.get(since).toInstant();
            return new Headline(r.get(matching.field(CHANGE_REQUEST.CHANGE_ID)), r.get(matching.field(CHANGE_REQUEST.TARGET_ID)),
                    r.get(matching.field(CHANGE_REQUEST.SEQUENCE)), r.get(matching.field(CHANGE_REQUEST.DESCRIPTION)),
                    r.get(matching.field(CHANGE_REQUEST.AUTHOR)), ChangeState.of(state), risk == null ? null : RiskLevel.valueOf(risk),
                    r.get(matching.field(CHANGE_REQUEST.REQUIRED_ROLE)), r.get(matching.field(CHANGE_REQUEST.STATE_REASON)), at,
                    HELD.contains(state) && at.isBefore(stuckBefore));
        });
        int counted = rows.isEmpty() ? 0 : rows.get(0).get(total);
        return new Page(items, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > COUNT_CAP) {
            throw new IllegalArgumentException("limit must be between 1 and " + COUNT_CAP + ", not " + limit);
        }
        return limit;
    }

    private Instant stuckBefore() {
        return clock.instant().minus(stuckAfter);
    }

    private void reader(String action) {
        Actors.current();
        if (!(Actors.isOperator() || CurrentRoles.has(ConsoleRole.COMPLIANCE) || CurrentRoles.has(ConsoleRole.SUPPORT))) {
            throw refuse(action, new ChangeRefusedException("missing-role", "Reading change requests needs a console role"));
        }
    }

    private ChangeRefusedException refuse(String action, ChangeRefusedException e) {
        audit.appendRefusal(AuditEntry.refused(action, "change", null, Map.of("reason", e.reason(), "message", e.getMessage())));
        return e;
    }
}
