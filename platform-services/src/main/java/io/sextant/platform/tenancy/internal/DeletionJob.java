package io.sextant.platform.tenancy.internal;

import static io.sextant.jooq.control_plane.Tables.PROJECT;
import static io.sextant.jooq.control_plane.Tables.PROJECT_EXPORT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.tenancy.Project;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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
            Instant due = p.deleteAfter();
            if (due != null && !due.isAfter(clock.instant())) {
                try {
                    complete(p, due.atOffset(ZoneOffset.UTC));
                    done++;
                } catch (RuntimeException e) {
                    log.warn("Deletion of project {} did not complete; the next run retries: {}", p.slug(), e.getMessage());
                }
            }
        }
        return done;
    }

    private void complete(Project p, OffsetDateTime due) {
        // one export per deletion: a restored and re-deleted project is exported again, a racing run stores nothing
        if (!dsl.fetchExists(PROJECT_EXPORT, PROJECT_EXPORT.PROJECT_ID.eq(p.id()).and(PROJECT_EXPORT.DELETION_DUE.eq(due)))) {
            TenantData.Export export = data.export(p);
            byte[] content = export.content();
            tx.executeWithoutResult(s -> {
                UUID id = UUID.randomUUID();
                int stored = dsl.insertInto(PROJECT_EXPORT).set(PROJECT_EXPORT.EXPORT_ID, id).set(PROJECT_EXPORT.PROJECT_ID, p.id())
                        .set(PROJECT_EXPORT.DELETION_DUE, due)
                        .set(PROJECT_EXPORT.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).set(PROJECT_EXPORT.CREATED_BY, "system")
                        .set(PROJECT_EXPORT.FORMAT, "json+gzip").set(PROJECT_EXPORT.SIZE_BYTES, (long) content.length)
                        .set(PROJECT_EXPORT.SHA256, sha256(content)).set(PROJECT_EXPORT.CONTENT, content)
                        .onConflict(PROJECT_EXPORT.PROJECT_ID, PROJECT_EXPORT.DELETION_DUE).doNothing().execute();
                if (stored == 1) {
                    audit.append(AuditEntry.succeeded("tenancy.project.export", "project", p.id().toString(),
                            Map.of("export", id.toString(), "bytes", String.valueOf(content.length), "tables", String.join(" ", export.tables()),
                                    "unattributed", String.join(" ", export.unattributed()))));
                }
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
