package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.PROJECT;
import static io.sextant.jooq.control_plane.Tables.PROJECT_EXPORT;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.tenancy.internal.JooqProjects;
import io.sextant.platform.tenancy.internal.TenantLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's lifecycle after provisioning: suspend (the tenant role may no longer log in and its
 * sessions end), resume, delete with a grace period (a scheduled job exports the tenant's rows
 * and then drops everything once {@code deleteAfter} has passed), restore within the grace
 * period. Every transition is audited and idempotent: repeating one is a no-op.
 */
@Service
public class ProjectService {

    /** An export of a deleted tenant's data: its rows as JSON, gzip-compressed. */
    public record ProjectExport(UUID exportId, UUID projectId, Instant createdAt, String format, long sizeBytes) {
    }

    private final DSLContext dsl;
    private final JooqProjects projects;
    private final TenantLifecycle lifecycle;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;

    ProjectService(DSLContext dsl, JooqProjects projects, TenantLifecycle lifecycle, AuditLog audit, Clock clock,
            @Value("${sextant.tenancy.deletion-grace:P7D}") Duration grace) {
        this.dsl = dsl;
        this.projects = projects;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Records what onboarding derived for a provisioned project beyond its isolation: audit
     * retention, backup target and the answers it came from. Idempotent; audited.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @org.springframework.transaction.annotation.Transactional
    public void recordSetup(UUID projectId, int auditRetentionDays, String backupTarget, java.util.Map<String, String> intent) {
        if (auditRetentionDays < 1) {
            throw new IllegalArgumentException("Audit retention must be at least one day.");
        }
        var p = io.sextant.jooq.control_plane.Tables.PROJECT;
        int n = dsl.update(p)
                .set(p.AUDIT_RETENTION_DAYS, auditRetentionDays)
                .set(p.BACKUP_TARGET, backupTarget)
                .set(p.INTENT, org.jooq.JSONB.valueOf(tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(new java.util.TreeMap<>(intent))))
                .set(p.UPDATED_AT, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .where(p.PROJECT_ID.eq(projectId))
                .execute();
        if (n == 0) {
            throw new TenancyNotFoundException("No project " + projectId);
        }
        audit.append(io.sextant.platform.audit.AuditEntry.succeeded("tenancy.project.record-setup", "project", projectId.toString(),
                java.util.Map.of("auditRetentionDays", String.valueOf(auditRetentionDays), "backupTarget", backupTarget)));
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT', 'SECURITY_ADMIN', 'COMPLIANCE')")
    public Optional<Project> find(UUID projectId) {
        return projects.project(projectId);
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT', 'SECURITY_ADMIN', 'COMPLIANCE')")
    public List<Project> list(UUID orgId) {
        return projects.liveProjects(orgId);
    }

    /** @throws VersionConflictException the project changed since {@code expectedVersion}; nothing was overwritten */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Project rename(UUID projectId, int expectedVersion, String name) {
        int n = dsl.update(PROJECT).set(PROJECT.NAME, name).set(PROJECT.VERSION, PROJECT.VERSION.plus(1))
                .set(PROJECT.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(PROJECT.PROJECT_ID.eq(projectId)).and(PROJECT.VERSION.eq(expectedVersion)).execute();
        if (n == 0) {
            throw new VersionConflictException("Project " + projectId);
        }
        audit.append(AuditEntry.succeeded("tenancy.project.rename", "project", projectId.toString(), Map.of("name", name)));
        return projects.project(projectId).orElseThrow();
    }

    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Project suspend(UUID projectId) {
        Project p = require(projectId);
        if (p.status().equals("suspended")) {
            return p;
        }
        requireStatus(p, "active", "suspend");
        lifecycle.allowLogin(p, false);
        return transition(p, "suspended", "tenancy.project.suspend", null);
    }

    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Project resume(UUID projectId) {
        Project p = require(projectId);
        if (p.status().equals("active")) {
            return p;
        }
        requireStatus(p, "suspended", "resume");
        lifecycle.allowLogin(p, true);
        return transition(p, "active", "tenancy.project.resume", null);
    }

    /** Starts the grace period: logins stop now; the data goes after {@code deleteAfter}, exported first. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Project delete(UUID projectId) {
        Project p = require(projectId);
        if (p.status().equals("deleting") || p.status().equals("deleted")) {
            return p;
        }
        if (!p.status().equals("active") && !p.status().equals("suspended")) {
            requireStatus(p, "active", "delete");
        }
        lifecycle.allowLogin(p, false);
        return transition(p, "deleting", "tenancy.project.delete", clock.instant().plus(grace));
    }

    /** Undoes a delete within its grace period; the project comes back active. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public Project restore(UUID projectId) {
        Project p = require(projectId);
        if (p.status().equals("active")) {
            return p;
        }
        requireStatus(p, "deleting", "restore");
        lifecycle.allowLogin(p, true);
        return transition(p, "active", "tenancy.project.restore", null);
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public List<ProjectExport> exports(UUID projectId) {
        return dsl.select(PROJECT_EXPORT.EXPORT_ID, PROJECT_EXPORT.PROJECT_ID, PROJECT_EXPORT.CREATED_AT, PROJECT_EXPORT.FORMAT, PROJECT_EXPORT.SIZE_BYTES)
                .from(PROJECT_EXPORT).where(PROJECT_EXPORT.PROJECT_ID.eq(projectId)).orderBy(PROJECT_EXPORT.CREATED_AT.desc())
                .fetch(r -> new ProjectExport(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5()));
    }

    /** The export's bytes (gzip of a JSON document: table name → rows); the download is audited. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public byte[] downloadExport(UUID exportId) {
        var r = dsl.select(PROJECT_EXPORT.PROJECT_ID, PROJECT_EXPORT.CONTENT).from(PROJECT_EXPORT)
                .where(PROJECT_EXPORT.EXPORT_ID.eq(exportId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("No export " + exportId));
        audit.append(AuditEntry.succeeded("tenancy.project.export-download", "project", r.value1().toString(), Map.of("export", exportId.toString())));
        return r.value2();
    }

    private Project transition(Project p, String status, String action, Instant deleteAfter) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        dsl.update(PROJECT).set(PROJECT.STATUS, status).set(PROJECT.VERSION, PROJECT.VERSION.plus(1)).set(PROJECT.UPDATED_AT, now)
                .set(PROJECT.SUSPENDED_AT, status.equals("suspended") ? now : null)
                .set(PROJECT.DELETE_AFTER, deleteAfter == null ? null : deleteAfter.atOffset(ZoneOffset.UTC))
                .where(PROJECT.PROJECT_ID.eq(p.id())).execute();
        audit.append(AuditEntry.succeeded(action, "project", p.id().toString(), deleteAfter == null
                ? Map.of("from", p.status(), "to", status) : Map.of("from", p.status(), "to", status, "deleteAfter", deleteAfter.toString())));
        return projects.project(p.id()).orElseThrow();
    }

    private Project require(UUID projectId) {
        return projects.project(projectId).orElseThrow(() -> new TenancyNotFoundException("No project " + projectId));
    }

    private void requireStatus(Project p, String expected, String verb) {
        if (!p.status().equals(expected)) {
            throw new TenancyConflictException("Cannot " + verb + " project " + p.slug() + ": it is " + p.status() + ".");
        }
    }
}
