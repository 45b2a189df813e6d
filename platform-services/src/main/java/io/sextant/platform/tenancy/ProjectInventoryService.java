package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.PROJECT_API_KEY;
import static io.sextant.jooq.control_plane.Tables.REGION;

import io.sextant.platform.tenancy.internal.InventoryReader;
import io.sextant.platform.tenancy.internal.JooqProjects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The project graph's read model: a project's parts from the control plane and its region server. */
@Service
public class ProjectInventoryService {

    private final DSLContext dsl;
    private final JooqProjects projects;
    private final InventoryReader reader;
    private final RegionServers regions;

    ProjectInventoryService(DSLContext dsl, JooqProjects projects, InventoryReader reader, RegionServers regions) {
        this.dsl = dsl;
        this.projects = projects;
        this.reader = reader;
        this.regions = regions;
    }

    /** @throws IllegalArgumentException for an unknown project id */
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public ProjectInventory inventory(UUID projectId) {
        Project p = projects.project(projectId).orElseThrow(() -> new TenancyNotFoundException("No project " + projectId));
        Organization org = projects.org(p.orgId()).orElseThrow();
        String regionName = dsl.select(REGION.DISPLAY_NAME).from(REGION).where(REGION.REGION_CODE.eq(p.region()))
                .fetchOptional(REGION.DISPLAY_NAME).orElse(p.region());
        var keys = dsl.select(PROJECT_API_KEY.KIND, PROJECT_API_KEY.KEY_PREFIX).from(PROJECT_API_KEY)
                .where(PROJECT_API_KEY.PROJECT_ID.eq(projectId)).and(PROJECT_API_KEY.REVOKED_AT.isNull())
                .orderBy(PROJECT_API_KEY.KIND)
                .fetch(r -> new ProjectInventory.ApiKeyInfo(r.value1(), r.value2()));
        boolean live = "active".equals(p.status()) || "suspended".equals(p.status());
        return new ProjectInventory(p, org.slug(), org.planCode(), regionName,
                live ? regions.systemIdentifier(p.region()) : "—", p.dbRole(), reader.storage(p),
                live ? reader.tables(p) : java.util.List.of(), keys,
                p.policyPack().rules().stream().map(PolicyPack.Rule::code).toList());
    }
}
