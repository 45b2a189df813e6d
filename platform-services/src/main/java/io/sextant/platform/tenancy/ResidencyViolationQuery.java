package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.PROJECT;
import static io.sextant.jooq.control_plane.Tables.RESIDENCY_CHECK;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects whose latest residency check found a violation, for screens that summarise (the home
 * page). Bounded: one query walks the partial index {@code residency_check_violation} (V0020), confirms
 * each candidate is its project's latest check through {@code residency_check_project}, and stops
 * after {@link #COUNT_CAP} + 1 rows, which a window counts.
 */
@Service
@Transactional(readOnly = true)
public class ResidencyViolationQuery {

    /**
     * Lower than the change queue's cap: a violation is rare, twenty at once is already a platform-wide
     * problem, and a small cap keeps the count on the index-ordered plan (a large one lets the planner
     * prefer scanning every check).
     */
    public static final int COUNT_CAP = 20;

    private final DSLContext dsl;

    ResidencyViolationQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @param violations how many problems the check found; the project's page says which */
    public record Violation(UUID projectId, String projectName, String pinnedRegion, Instant checkedAt, int violations) {
    }

    /** @param total counted up to {@link #COUNT_CAP}; {@code capped} when it stopped there */
    public record Violations(List<Violation> items, int total, boolean capped) {
        public Violations {
            items = List.copyOf(items);
        }

        public int more() {
            return Math.max(0, total - items.size());
        }
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT', 'COMPLIANCE')")
    public Violations latest(int limit) {
        if (limit < 1 || limit > COUNT_CAP) {
            throw new IllegalArgumentException("limit must be between 1 and " + COUNT_CAP + ", not " + limit);
        }
        var later = RESIDENCY_CHECK.as("later");
        Condition current = DSL.not(DSL.condition(RESIDENCY_CHECK.COMPLIANT))
                .and(PROJECT.STATUS.ne("deleted"))
                .andNotExists(DSL.selectOne().from(later)
                        .where(later.PROJECT_ID.eq(RESIDENCY_CHECK.PROJECT_ID), later.CHECKED_AT.gt(RESIDENCY_CHECK.CHECKED_AT)));
        // one round trip: at most COUNT_CAP + 1 current violations in order (the index stops there), counted by a window
        Table<?> matching = dsl.select(PROJECT.PROJECT_ID, PROJECT.NAME, PROJECT.REGION, RESIDENCY_CHECK.CHECKED_AT,
                        DSL.field("coalesce(({0} ->> 'violations')::int, 0)", Integer.class, RESIDENCY_CHECK.FINDINGS).as("violations"))
                .from(RESIDENCY_CHECK).join(PROJECT).on(PROJECT.PROJECT_ID.eq(RESIDENCY_CHECK.PROJECT_ID))
                .where(current).orderBy(RESIDENCY_CHECK.CHECKED_AT.desc()).limit(COUNT_CAP + 1).asTable("matching");
        Field<OffsetDateTime> checkedAt = matching.field(RESIDENCY_CHECK.CHECKED_AT);
        Field<Integer> total = DSL.count().over().as("total");
        var rows = dsl.select(matching.fields()).select(total).from(matching).orderBy(checkedAt.desc()).limit(limit).fetch();
        List<Violation> items = rows.map(r -> new Violation(r.get(matching.field(PROJECT.PROJECT_ID)), r.get(matching.field(PROJECT.NAME)),
                r.get(matching.field(PROJECT.REGION)), r.get(checkedAt).toInstant(), r.get(matching.field("violations", Integer.class))));
        int n = rows.isEmpty() ? 0 : rows.get(0).get(total);
        return new Violations(items, Math.min(n, COUNT_CAP), n > COUNT_CAP);
    }
}
