package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.ORGANIZATION;
import static io.sextant.jooq.control_plane.Tables.PROJECT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisations and projects for the demo profile, so a first start shows real rows.
 * Idempotent (keyed by slug); each row it creates is audited like any other change.
 */
@Service
public class DemoTenancyData {

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    DemoTenancyData(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void ensure() {
        UUID acme = org("acme-health", "Acme Health", "enterprise");
        project(acme, "patient-portal", "Patient portal", "eu-central", "dedicated");
        project(acme, "analytics", "Analytics", "eu-central", "shared");
        UUID nimbus = org("nimbus-crm", "Nimbus CRM", "team");
        project(nimbus, "crm-eu", "CRM (EU)", "eu-central", "shared");
        project(nimbus, "crm-us", "CRM (US)", "us-east", "shared");
        UUID tools = org("field-tools", "Field Tools", "free");
        project(tools, "inventory", "Inventory", "us-east", "shared");
    }

    private UUID org(String slug, String name, String plan) {
        var existing = dsl.select(ORGANIZATION.ORG_ID).from(ORGANIZATION).where(ORGANIZATION.SLUG.eq(slug)).fetchOptional(ORGANIZATION.ORG_ID);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        dsl.insertInto(ORGANIZATION).set(ORGANIZATION.ORG_ID, id).set(ORGANIZATION.SLUG, slug).set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.PLAN_CODE, plan).set(ORGANIZATION.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        audit.append(AuditEntry.succeeded("tenancy.organization.create-demo", "organization", slug, Map.of("plan", plan)));
        return id;
    }

    private void project(UUID orgId, String slug, String name, String region, String isolation) {
        if (dsl.fetchExists(PROJECT, PROJECT.ORG_ID.eq(orgId).and(PROJECT.SLUG.eq(slug)))) {
            return;
        }
        dsl.insertInto(PROJECT).set(PROJECT.PROJECT_ID, UUID.randomUUID()).set(PROJECT.ORG_ID, orgId).set(PROJECT.SLUG, slug)
                .set(PROJECT.NAME, name).set(PROJECT.REGION, region).set(PROJECT.ISOLATION, isolation)
                .set(PROJECT.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        audit.append(AuditEntry.succeeded("tenancy.project.create-demo", "project", slug,
                Map.of("region", region, "isolation", isolation)));
    }
}
