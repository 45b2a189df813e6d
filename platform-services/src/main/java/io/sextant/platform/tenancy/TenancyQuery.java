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

    public TenancyCounts counts() {
        var r = dsl.select(
                        org.jooq.impl.DSL.field(dsl.selectCount().from(ORGANIZATION)),
                        org.jooq.impl.DSL.field(dsl.selectCount().from(PROJECT)))
                .fetchSingle();
        return new TenancyCounts(r.value1(), r.value2());
    }
}
