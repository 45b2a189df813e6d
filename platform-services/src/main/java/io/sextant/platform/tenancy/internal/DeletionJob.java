package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROJECT;
import static io.sextant.jooq.control_plane.Tables.PROJECT_EXPORT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.tenancy.Project;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes deletions whose grace period has passed: the export is committed to the control plane
 * first, only then is anything dropped on the region server, then the project is marked deleted.
 * Each stage is idempotent, so a crash between them is finished by the next run.
 */
@Component
public class DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(DeletionJob.class);

    private final JooqProjects projects;
    private final TenantData data;
    private final TenantObjects objects;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    DeletionJob(JooqProjects projects, TenantData data, TenantObjects objects, DSLContext dsl, AuditLog audit, Clock clock,
            PlatformTransactionManager txManager) {
        this.projects = projects;
        this.data = data;
        this.objects = objects;
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** @return how many projects were deleted */
    @Scheduled(fixedDelayString = "${sextant.tenancy.deletion-check-interval:PT10M}", initialDelayString = "PT1M")
    public int completeDueDeletions() {
        int done = 0;
        for (Project p : projects.withStatus("deleting")) {
            if (p.deleteAfter() != null && !p.deleteAfter().isAfter(clock.instant())) {
                try {
                    complete(p);
                    done++;
                } catch (RuntimeException e) {
                    log.warn("Deletion of project {} did not complete; the next run retries: {}", p.slug(), e.getMessage());
                }
            }
        }
        return done;
    }

    private void complete(Project p) {
        if (!dsl.fetchExists(PROJECT_EXPORT, PROJECT_EXPORT.PROJECT_ID.eq(p.id()))) {
            byte[] content = data.export(p);
            tx.executeWithoutResult(s -> {
                UUID id = UUID.randomUUID();
                dsl.insertInto(PROJECT_EXPORT).set(PROJECT_EXPORT.EXPORT_ID, id).set(PROJECT_EXPORT.PROJECT_ID, p.id())
                        .set(PROJECT_EXPORT.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).set(PROJECT_EXPORT.CREATED_BY, "system")
                        .set(PROJECT_EXPORT.FORMAT, "json+gzip").set(PROJECT_EXPORT.SIZE_BYTES, (long) content.length)
                        .set(PROJECT_EXPORT.SHA256, sha256(content)).set(PROJECT_EXPORT.CONTENT, content).execute();
                audit.append(AuditEntry.succeeded("tenancy.project.export", "project", p.id().toString(),
                        Map.of("export", id.toString(), "bytes", String.valueOf(content.length))));
            });
        }
        objects.drop(p.region(), p.isolation(), p.dbRole(), p.dbName(), p.id());
        tx.executeWithoutResult(s -> {
            dsl.update(PROJECT).set(PROJECT.STATUS, "deleted").set(PROJECT.DELETED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(PROJECT.VERSION, PROJECT.VERSION.plus(1)).where(PROJECT.PROJECT_ID.eq(p.id())).execute();
            audit.append(AuditEntry.succeeded("tenancy.project.deleted", "project", p.id().toString(), Map.of("slug", p.slug())));
        });
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
