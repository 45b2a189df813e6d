package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.ORGANIZATION;
import static io.sextant.jooq.control_plane.Tables.PLAN;
import static io.sextant.jooq.control_plane.Tables.PROJECT;

import io.sextant.jooq.control_plane.tables.records.ProjectRecord;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.Plan;
import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.Project;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Reads of organisations, plans and projects from the control plane. Internal: not API. */
@Repository
public class JooqProjects {

    private final DSLContext dsl;

    JooqProjects(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Plan> plans() {
        return dsl.selectFrom(PLAN).orderBy(PLAN.RANK).fetch(r -> new Plan(r.getPlanCode(), r.getDisplayName(), r.getRank(),
                r.getStorageLimitBytes(), r.getRowLimit(), r.getApiCallsPerDay(), r.getDecisionsPerDay(), r.getAuditRetentionDays(),
                r.getMaxProjects(), Arrays.stream(r.getAllowedIsolation()).map(IsolationModel::of).collect(Collectors.toSet()),
                Arrays.stream(r.getAllowedDataClasses()).map(DataClass::of).collect(Collectors.toSet()),
                r.getRegionPinning(), r.getPointInTimeRecovery(), r.getMonthlyPriceCents()));
    }

    public Plan plan(String code) {
        return plans().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown plan " + code));
    }

    public Optional<Organization> org(String slug) {
        return dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.SLUG.eq(slug)).fetchOptional(JooqProjects::org);
    }

    public Optional<Organization> org(UUID id) {
        return dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.ORG_ID.eq(id)).fetchOptional(JooqProjects::org);
    }

    /** Locks the organisation's row, so concurrent project creations count its projects one at a time. */
    public void lockOrg(UUID id) {
        dsl.selectOne().from(ORGANIZATION).where(ORGANIZATION.ORG_ID.eq(id)).forUpdate().execute();
    }

    private static Organization org(io.sextant.jooq.control_plane.tables.records.OrganizationRecord r) {
        return new Organization(r.getOrgId(), r.getSlug(), r.getName(), r.getPlanCode(), r.getStatus(), r.getVersion());
    }

    public Optional<Project> project(UUID id) {
        return dsl.selectFrom(PROJECT).where(PROJECT.PROJECT_ID.eq(id)).fetchOptional(JooqProjects::project);
    }

    public Optional<Project> project(UUID orgId, String slug) {
        return dsl.selectFrom(PROJECT).where(PROJECT.ORG_ID.eq(orgId)).and(PROJECT.SLUG.eq(slug)).fetchOptional(JooqProjects::project);
    }

    /** Projects that still count against the plan (not deleted). */
    public List<Project> liveProjects(UUID orgId) {
        return dsl.selectFrom(PROJECT).where(PROJECT.ORG_ID.eq(orgId)).and(PROJECT.STATUS.ne("deleted"))
                .orderBy(PROJECT.SLUG).fetch(JooqProjects::project);
    }

    public List<Project> withStatus(String status) {
        return dsl.selectFrom(PROJECT).where(PROJECT.STATUS.eq(status)).orderBy(PROJECT.CREATED_AT).fetch(JooqProjects::project);
    }

    public List<Project> all() {
        return dsl.selectFrom(PROJECT).orderBy(PROJECT.SLUG).fetch(JooqProjects::project);
    }

    static Project project(ProjectRecord r) {
        return new Project(r.getProjectId(), r.getOrgId(), r.getSlug(), r.getName(), r.getRegion(), IsolationModel.of(r.getIsolation()),
                r.getStatus(), Arrays.stream(r.getDataClasses()).map(DataClass::of).collect(Collectors.toSet()),
                PolicyPack.of(r.getPolicyPack()), r.getDbRole(), r.getDbName(), r.getReadOnly(), r.getReadOnlyReason(),
                r.getRowsUsed(), r.getStorageBytesUsed(), r.getDeleteAfter() == null ? null : r.getDeleteAfter().toInstant(), r.getVersion());
    }

}
