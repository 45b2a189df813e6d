package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.REGION;

import io.sextant.platform.tenancy.RegionsProperties;
import java.time.Clock;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors the configured regions into {@code control_plane.region} at start-up (configuration is
 * the source of truth; a region removed from it is disabled, never deleted, since projects
 * reference it).
 */
@Component
@Order(0)
@EnableConfigurationProperties(RegionsProperties.class)
class RegionCatalogSync implements ApplicationRunner {

    private final DSLContext dsl;
    private final RegionsProperties properties;
    private final Clock clock;

    RegionCatalogSync(DSLContext dsl, RegionsProperties properties, Clock clock) {
        this.dsl = dsl;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var configured = properties.byCode();
        configured.forEach((code, r) -> dsl.insertInto(REGION)
                .set(REGION.REGION_CODE, code)
                .set(REGION.DISPLAY_NAME, r.displayName())
                .set(REGION.JURISDICTION, r.jurisdiction())
                .set(REGION.ENABLED, true)
                .set(REGION.UPDATED_AT, now)
                .onConflict(REGION.REGION_CODE).doUpdate()
                .set(REGION.DISPLAY_NAME, r.displayName())
                .set(REGION.JURISDICTION, r.jurisdiction())
                .set(REGION.ENABLED, true)
                .set(REGION.UPDATED_AT, now)
                .execute());
        dsl.update(REGION).set(REGION.ENABLED, false).set(REGION.UPDATED_AT, now)
                .where(REGION.REGION_CODE.notIn(configured.keySet())).and(REGION.ENABLED.isTrue())
                .execute();
    }
}
