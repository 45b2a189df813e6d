package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.Preflight;
import io.sextant.platform.tenancy.Preflight.Check;
import io.sextant.platform.tenancy.Preflight.Outcome;
import io.sextant.platform.tenancy.ProjectSpec;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.RegionUnreachableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The preflight checklist. Creates nothing: the dry run happens in a transaction that is rolled back. */
@Component
public class PreflightChecks {

    private final JooqProjects projects;
    private final RegionServers regions;
    private final String configuredDefaultRegion;

    PreflightChecks(JooqProjects projects, RegionServers regions, @Value("${sextant.tenancy.default-region:}") String defaultRegion) {
        this.projects = projects;
        this.regions = regions;
        this.configuredDefaultRegion = defaultRegion;
    }

    /** Where plans without region pinning place projects: configured, else the first region by code. */
    public String defaultRegion() {
        return configuredDefaultRegion.isBlank() ? regions.regions().iterator().next() : configuredDefaultRegion;
    }

    public Preflight run(ProjectSpec spec) {
        List<Check> checks = new ArrayList<>();
        var org = projects.org(spec.orgSlug());
        checks.add(org.isPresent() ? pass("org-exists", "Organisation " + spec.orgSlug() + " exists.")
                : fail("org-exists", "No organisation " + spec.orgSlug() + ": create it first."));
        org.ifPresent(o -> checks.add(projects.project(o.id(), spec.slug()).isEmpty() ? pass("name-free", "The name " + spec.slug() + " is free.")
                : fail("name-free", "A project named " + spec.slug() + " already exists in " + o.slug() + ": choose another name.")));
        boolean known = regions.isKnown(spec.region());
        checks.add(known ? pass("region-known", "Region " + spec.region() + " is configured.")
                : fail("region-known", "Unknown region " + spec.region() + "; known regions: " + regions.regions() + "."));
        boolean reachable = false;
        if (known) {
            try {
                regions.requireReachable(spec.region());
                reachable = true;
                // where it answers is not needed when it does; an unreachable region's (redacted) URL is, to fix it
                checks.add(pass("region-reachable", "Region " + spec.region() + " answers."));
            } catch (RegionUnreachableException e) {
                checks.add(fail("region-reachable", e.getMessage()));
            }
        }
        org.ifPresent(o -> checks.addAll(PlanRules.check(projects.plan(o.planCode()), projects.plans(), spec.isolation(), spec.dataClasses(),
                spec.region(), defaultRegion(), projects.liveProjects(o.id()).size())));
        if (reachable) {
            extensionsAndDryRun(spec, checks);
        } else {
            checks.add(new Check("dry-run", Outcome.NOT_CHECKED, "The region's server cannot be reached, so nothing could be rehearsed."));
        }
        return new Preflight(checks);
    }

    private void extensionsAndDryRun(ProjectSpec spec, List<Check> checks) {
        List<String> required = spec.policyPack() == PolicyPack.BASELINE ? List.of("plpgsql") : List.of("plpgsql", "pgcrypto");
        try (Connection c = regions.owner(spec.region())) {
            List<String> missing = required.stream().filter(x -> !available(c, x)).toList();
            checks.add(missing.isEmpty() ? pass("extensions", "Extensions " + required + " are available.")
                    : fail("extensions", "Missing extensions on the region's server: " + missing + ". Ask its DBA to install them."));
            c.setAutoCommit(false);
            String role = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            TenantObjects.exec(c, "create role " + role + " login nosuperuser nobypassrls nocreatedb nocreaterole");
            if (spec.isolation() == IsolationModel.SHARED) {
                if (!TenantObjects.exists(c, "select 1 from pg_tables where schemaname = 'platform' and tablename = 'kit_version'")) {
                    for (String sql : RegionDdl.sharedKit(TenantObjects.currentUser(c), regions.platformDatabase(spec.region()))) {
                        TenantObjects.exec(c, sql);
                    }
                }
                TenantObjects.exec(c, "grant tenant_base to " + role + " with inherit true, set false");
                TenantObjects.exec(c, "insert into platform.tenant_role (role_name, tenant_id) values ('" + role + "', gen_random_uuid())");
                checks.add(pass("dry-run", "Role, shared schema and tenant key rehearsed in a transaction and rolled back."));
            } else {
                checks.add(pass("dry-run", "Tenant role rehearsed in a transaction and rolled back."));
                boolean createdb = TenantObjects.exists(c, "select 1 from pg_roles where rolname = current_user and (rolcreatedb or rolsuper)");
                checks.add(new Check("create-database", createdb ? Outcome.NOT_CHECKED : Outcome.FAILED, createdb
                        ? "CREATE DATABASE cannot run inside a transaction block, so it cannot be rehearsed; the owner role may create databases."
                        : "The region's owner role lacks CREATEDB: a dedicated database cannot be created there."));
            }
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            checks.add(fail("dry-run", "The rehearsal failed: " + e.getMessage()));
        }
    }

    private static boolean available(Connection c, String extension) {
        try {
            return TenantObjects.exists(c, "select 1 from pg_available_extensions where name = ?", extension);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Check pass(String item, String detail) {
        return new Check(item, Outcome.PASSED, detail);
    }

    private static Check fail(String item, String detail) {
        return new Check(item, Outcome.FAILED, detail);
    }
}
