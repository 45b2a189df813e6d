package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROJECT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.tenancy.Plan;
import io.sextant.platform.tenancy.Project;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures each active project's rows and storage on its region server and enforces its plan:
 * over a limit, the tenant becomes read-only (shared: its key is marked read-only, so the insert
 * and update policies refuse; dedicated: INSERT and UPDATE are revoked) with the reason recorded;
 * back under, it is writable again.
 */
@Component
public class UsageMeter {

    private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

    private final JooqProjects projects;
    private final TenantData data;
    private final TenantObjects objects;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    UsageMeter(JooqProjects projects, TenantData data, TenantObjects objects, DSLContext dsl, AuditLog audit, Clock clock,
            PlatformTransactionManager txManager) {
        this.projects = projects;
        this.data = data;
        this.objects = objects;
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    @Scheduled(fixedDelayString = "${sextant.tenancy.usage-interval:PT15M}", initialDelayString = "PT2M")
    public void measureAll() {
        for (Project p : projects.withStatus("active")) {
            try {
                measure(p);
            } catch (RuntimeException e) {
                log.warn("Usage of project {} not measured: {}", p.slug(), e.getMessage());
            }
        }
    }

    public void measure(Project p) {
        var usage = data.usage(p);
        Plan plan = projects.plan(projects.org(p.orgId()).orElseThrow().planCode());
        String reason = usage.rows() > plan.rowLimit() ? "holds " + usage.rows() + " rows; plan " + plan.displayName() + " allows " + plan.rowLimit()
                : usage.storageBytes() > plan.storageLimitBytes() ? "uses " + usage.storageBytes() + " bytes; plan " + plan.displayName()
                        + " allows " + plan.storageLimitBytes() : null;
        boolean readOnly = reason != null;
        if (readOnly != p.readOnly()) {
            objects.setReadOnly(p.region(), p.isolation(), p.dbRole(), p.dbName(), readOnly);
        }
        tx.executeWithoutResult(s -> {
            dsl.update(PROJECT).set(PROJECT.ROWS_USED, usage.rows()).set(PROJECT.STORAGE_BYTES_USED, usage.storageBytes())
                    .set(PROJECT.USAGE_MEASURED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(PROJECT.READ_ONLY, readOnly).set(PROJECT.READ_ONLY_REASON, reason).where(PROJECT.PROJECT_ID.eq(p.id())).execute();
            if (readOnly != p.readOnly()) {
                audit.append(AuditEntry.succeeded(readOnly ? "tenancy.project.read-only" : "tenancy.project.writable", "project",
                        p.id().toString(), readOnly ? Map.of("reason", reason) : Map.of()));
            }
        });
    }
}
