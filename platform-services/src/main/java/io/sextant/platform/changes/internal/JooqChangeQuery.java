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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * See {@link ChangeQuery}. Every read is a LIMIT over the partial index {@code change_request_attention}
 * (V0021), and every count a count of a LIMITed subquery, so a home page costs the same with ten
 * changes or a million (D008).
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
        return page(mine, CHANGE_REQUEST.UPDATED_AT.asc(), limit);
    }

    @Override
    public Page failedOrStuck(int limit) {
        reader("changes.change.failed-or-stuck");
        Condition failedOrStuck = CHANGE_REQUEST.STATE.eq(ChangeState.FAILED.dbValue())
                .or(CHANGE_REQUEST.STATE.in(HELD).and(CHANGE_REQUEST.UPDATED_AT.lt(JooqChangeRepository.ts(stuckBefore()))));
        return page(failedOrStuck, CHANGE_REQUEST.UPDATED_AT.desc(), limit);
    }

    @Override
    public AlertPage openAlerts(int limit) {
        reader("changes.alert.list");
        Condition open = ALERT.RESOLVED_AT.isNull();
        List<Alert> items = dsl.select(ALERT.SOURCE, ALERT.SUBJECT_ID, ALERT.SEVERITY, ALERT.MESSAGE, ALERT.RAISED_AT).from(ALERT)
                .where(open).orderBy(ALERT.RAISED_AT.desc()).limit(bounded(limit))
                .fetch(r -> new Alert(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant()));
        int[] total = count(items.size(), bounded(limit), dsl.selectOne().from(ALERT).where(open));
        return new AlertPage(items, total[0], total[1] == 1);
    }

    private Page page(Condition where, SortField<?> order, int limit) {
        int n = bounded(limit);
        Instant stuckBefore = stuckBefore();
        Function<Record, Headline> map = r -> {
            var c = r.into(CHANGE_REQUEST);
            ChangeState state = ChangeState.of(c.getState());
            Instant since = c.getUpdatedAt().toInstant();
            return new Headline(c.getChangeId(), c.getTargetId(), c.getSequence(), c.getDescription(), c.getAuthor(), state,
                    c.getRisk() == null ? null : RiskLevel.valueOf(c.getRisk()), c.getRequiredRole(), c.getStateReason(), since,
                    HELD.contains(c.getState()) && since.isBefore(stuckBefore));
        };
        List<Headline> items = dsl.select(CHANGE_REQUEST.CHANGE_ID, CHANGE_REQUEST.TARGET_ID, CHANGE_REQUEST.SEQUENCE,
                        CHANGE_REQUEST.DESCRIPTION, CHANGE_REQUEST.AUTHOR, CHANGE_REQUEST.STATE, CHANGE_REQUEST.RISK,
                        CHANGE_REQUEST.REQUIRED_ROLE, CHANGE_REQUEST.STATE_REASON, CHANGE_REQUEST.UPDATED_AT)
                .from(CHANGE_REQUEST).where(where).orderBy(order).limit(n).fetch(map::apply);
        int[] total = count(items.size(), n, dsl.selectOne().from(CHANGE_REQUEST).where(where));
        return new Page(items, total[0], total[1] == 1);
    }

    /** {total up to the cap, 1 if capped}; no second query when the page was not full. */
    private int[] count(int fetched, int limit, SelectConditionStep<?> matching) {
        if (fetched < limit) {
            return new int[] {fetched, 0};
        }
        int n = dsl.selectCount().from(matching.limit(COUNT_CAP + 1).asTable("matching")).fetchOne(0, int.class);
        return new int[] {Math.min(n, COUNT_CAP), n > COUNT_CAP ? 1 : 0};
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
