package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.ORGANIZATION;
import static io.sextant.jooq.control_plane.Tables.PROJECT;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Read model of the control plane's size, for dashboards. */
@Service
public class TenancyQuery {

    private final DSLContext dsl;

    TenancyQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record TenancyCounts(int organizations, int projects) {
    }

    /** How many projects each region holds, by isolation model. */
    public record RegionLoad(String region, String isolation, int projects) {
    }

    @org.springframework.security.access.prepost.PreAuthorize("isAuthenticated()")
    public java.util.List<RegionLoad> projectsByRegion() {
        return dsl.select(PROJECT.REGION, PROJECT.ISOLATION, org.jooq.impl.DSL.count())
                .from(PROJECT)
                .where(PROJECT.STATUS.ne("deleted"))
                .groupBy(PROJECT.REGION, PROJECT.ISOLATION)
                .orderBy(PROJECT.REGION, PROJECT.ISOLATION)
                .fetch(r -> new RegionLoad(r.value1(), r.value2(), r.value3()));
    }

    public TenancyCounts counts() {
        var r = dsl.select(
                        org.jooq.impl.DSL.field(dsl.selectCount().from(ORGANIZATION)),
                        org.jooq.impl.DSL.field(dsl.selectCount().from(PROJECT).where(PROJECT.STATUS.ne("deleted"))))
                .fetchSingle();
        return new TenancyCounts(r.value1(), r.value2());
    }
}
