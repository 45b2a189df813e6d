package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.REGION;

import io.sextant.platform.tenancy.RegionServers;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegionCatalogSync.class);

    private final DSLContext dsl;
    private final RegionsProperties properties;
    private final Clock clock;
    private final RegionServers servers;

    RegionCatalogSync(DSLContext dsl, RegionsProperties properties, Clock clock, RegionServers servers) {
        this.dsl = dsl;
        this.properties = properties;
        this.clock = clock;
        this.servers = servers;
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
        // Each region's server says who it is; residency checks compare against this record.
        for (String code : configured.keySet()) {
            try {
                dsl.update(REGION).set(REGION.SYSTEM_IDENTIFIER, servers.systemIdentifier(code)).where(REGION.REGION_CODE.eq(code)).execute();
            } catch (RuntimeException e) {
                log.warn("Region {}: {}", code, e.getMessage());
            }
        }
        dsl.update(REGION).set(REGION.ENABLED, false).set(REGION.UPDATED_AT, now)
                .where(REGION.REGION_CODE.notIn(configured.keySet())).and(REGION.ENABLED.isTrue())
                .execute();
    }
}
