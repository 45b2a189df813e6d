package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.ORGANIZATION;
import static io.sextant.jooq.control_plane.Tables.PROJECT;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargetProvider;
import io.sextant.platform.changes.DatabaseTarget;
import io.sextant.platform.changes.JdbcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Tenants as targets of the migration review board: each active dedicated project's database
 * ({@code tenant:<org>/<project>}, blast radius one tenant) and each region's shared tenant tables
 * ({@code region:<code>}, blast radius every shared tenant of that region), reached as the
 * region's owner role.
 */
@Component
class TenantChangeTargets implements ChangeTargetProvider {

    private final DSLContext dsl;
    private final JdbcRegionServers regions;

    TenantChangeTargets(DSLContext dsl, JdbcRegionServers regions) {
        this.dsl = dsl;
        this.regions = regions;
    }

    @Override
    public Optional<ChangeTarget> find(String targetId) {
        return list().stream().filter(t -> t.targetId().equals(targetId)).findFirst();
    }

    @Override
    public List<ChangeTarget> list() {
        List<ChangeTarget> targets = new ArrayList<>();
        for (String region : regions.regions()) {
            int shared = dsl.fetchCount(PROJECT, PROJECT.REGION.eq(region).and(PROJECT.ISOLATION.eq("shared"))
                    .and(PROJECT.STATUS.in("active", "suspended")));
            RegionServerPool s = regions.server(region);
            targets.add(new DatabaseTarget("region:" + region, "region-shared-tables", "Shared tenant tables in " + region,
                    JdbcEndpoint.parse(s.url(), s.ownerUser(), s.ownerPassword()),
                    List.of("platform", RegionDdl.SHARED_SCHEMA), List.of(RegionDdl.SHARED_SCHEMA), shared));
        }
        dsl.select(ORGANIZATION.SLUG, PROJECT.SLUG, PROJECT.REGION, PROJECT.DB_NAME).from(PROJECT).join(ORGANIZATION)
                .using(PROJECT.ORG_ID)
                .where(PROJECT.ISOLATION.eq("dedicated")).and(PROJECT.STATUS.in("active", "suspended")).and(PROJECT.DB_NAME.isNotNull())
                .orderBy(ORGANIZATION.SLUG, PROJECT.SLUG)
                .forEach(r -> {
                    RegionServerPool s = regions.server(r.value3());
                    targets.add(new DatabaseTarget("tenant:" + r.value1() + "/" + r.value2(), "dedicated-tenant-database",
                            "Database of " + r.value1() + "/" + r.value2() + " (" + r.value3() + ")",
                            JdbcEndpoint.parse(s.urlFor(r.value4()), s.ownerUser(), s.ownerPassword()),
                            List.of(RegionDdl.DEDICATED_SCHEMA), List.of(RegionDdl.DEDICATED_SCHEMA), 1));
                });
        return targets;
    }
}
