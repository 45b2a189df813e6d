package io.sextant.platform.tenancy;

import static io.sextant.jooq.control_plane.Tables.REGION;
import static io.sextant.jooq.control_plane.Tables.RESIDENCY_CHECK;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.AuditOutcome;
import io.sextant.platform.tenancy.ResidencyReport.Finding;
import io.sextant.platform.tenancy.internal.JooqProjects;
import io.sextant.platform.tenancy.internal.ResidencyProbe;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residency proof: asks every region's server what it holds of a project (role, database, tenant
 * key, rows), identifies each server by its own {@code system_identifier}, records the findings in
 * {@code control_plane.residency_check} and the audit log. A scheduled check over all active
 * projects flags violations (audited as failed, logged as a warning).
 */
@Service
public class ResidencyService {

    private static final Logger log = LoggerFactory.getLogger(ResidencyService.class);

    private final JooqProjects projects;
    private final ResidencyProbe probe;
    private final RegionServers regions;
    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    ResidencyService(JooqProjects projects, ResidencyProbe probe, RegionServers regions, DSLContext dsl, AuditLog audit, Clock clock,
            org.springframework.transaction.PlatformTransactionManager txManager) {
        this.projects = projects;
        this.probe = probe;
        this.regions = regions;
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPPORT')")
    public ResidencyReport check(UUID projectId) {
        return checkProject(projects.project(projectId).orElseThrow(() -> new TenancyNotFoundException("No project " + projectId)));
    }

    @Scheduled(fixedDelayString = "${sextant.tenancy.residency-interval:PT1H}", initialDelayString = "PT5M")
    public void checkAllActive() {
        for (Project p : projects.withStatus("active")) {
            ResidencyReport r = checkProject(p);
            if (!r.compliant()) {
                log.warn("Residency violation for project {}: {}", p.slug(), r.violations());
            }
        }
    }

    private ResidencyReport checkProject(Project p) {
        List<Finding> findings = regions.regions().stream().map(r -> probe.probe(r, p)).toList();
        List<String> violations = new ArrayList<>();
        String pinnedId = findings.stream().filter(f -> f.region().equals(p.region())).findFirst().map(Finding::systemIdentifier).orElse("unknown");
        String recorded = dsl.select(REGION.SYSTEM_IDENTIFIER).from(REGION).where(REGION.REGION_CODE.eq(p.region())).fetchOne(REGION.SYSTEM_IDENTIFIER);
        if (recorded != null && !recorded.equals(pinnedId)) {
            violations.add("Region " + p.region() + " now answers as server " + pinnedId + ", not the recorded " + recorded + ".");
        }
        for (Finding f : findings) {
            if (!f.reachable()) {
                violations.add("Region " + f.region() + " could not be checked (unreachable).");
            } else if (!f.region().equals(p.region()) && f.holdsAnything()) {
                violations.add("Server " + f.systemIdentifier() + " (region " + f.region() + ") holds data of this project: role=" + f.role()
                        + ", database=" + f.database() + ", tenant key=" + f.tenantKey() + ", rows=" + f.rows() + ".");
            } else if (!f.region().equals(p.region()) && f.systemIdentifier().equals(pinnedId)) {
                violations.add("Region " + f.region() + " is the same server as " + p.region() + ".");
            }
        }
        boolean compliant = violations.isEmpty();
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        ResidencyReport report = new ResidencyReport(id, p.id(), p.region(), now, compliant, findings, violations);
        tx.executeWithoutResult(s -> {
            dsl.insertInto(RESIDENCY_CHECK).set(RESIDENCY_CHECK.CHECK_ID, id).set(RESIDENCY_CHECK.PROJECT_ID, p.id())
                    .set(RESIDENCY_CHECK.CHECKED_AT, now.atOffset(ZoneOffset.UTC)).set(RESIDENCY_CHECK.ACTOR, "console")
                    .set(RESIDENCY_CHECK.COMPLIANT, compliant).set(RESIDENCY_CHECK.FINDINGS, JSONB.valueOf(json(findings, violations))).execute();
            audit.append(new AuditEntry("tenancy.project.residency-check", "project", p.id().toString(),
                    compliant ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED,
                    Map.of("check", id.toString(), "pinned", p.region(), "violations", String.join(" ", violations))));
        });
        return report;
    }

    private static String json(List<Finding> findings, List<String> violations) {
        StringBuilder sb = new StringBuilder("{\"servers\":[");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            sb.append(i > 0 ? "," : "").append("{\"region\":\"").append(f.region()).append("\",\"systemIdentifier\":\"").append(f.systemIdentifier())
                    .append("\",\"role\":").append(f.role()).append(",\"database\":").append(f.database()).append(",\"tenantKey\":")
                    .append(f.tenantKey()).append(",\"rows\":").append(f.rows()).append(",\"reachable\":").append(f.reachable()).append('}');
        }
        sb.append("],\"violations\":").append(violations.size()).append('}');
        return sb.toString();
    }
}
