package io.sextant.platform.tenancy;

import io.sextant.platform.tenancy.ProvisioningResult.TenantCredentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Demo organisations and projects for the demo profile, provisioned for real (both regions, both
 * isolation models) through {@link ProvisioningService}, idempotent across restarts by their
 * idempotency keys, each with a few starter rows written as the tenant itself. Acts as
 * {@code system:demo} with the operator role, so every change is authorized and audited as usual.
 */
@Service
public class DemoTenancyData {

    private static final Logger log = LoggerFactory.getLogger(DemoTenancyData.class);

    private final OrganizationService orgs;
    private final ProvisioningService provisioning;
    private final RegionServers regions;

    DemoTenancyData(OrganizationService orgs, ProvisioningService provisioning, RegionServers regions) {
        this.orgs = orgs;
        this.provisioning = provisioning;
        this.regions = regions;
    }

    public void ensure() {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system:demo", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        try {
            orgs.create("acme-health", "Acme Health", "enterprise");
            orgs.create("nimbus-crm", "Nimbus CRM", "team");
            orgs.create("field-tools", "Field Tools", "free");
            project("acme-health", "patient-portal", "Patient portal", "eu-central", IsolationModel.DEDICATED, Set.of(DataClass.HEALTH, DataClass.PERSONAL), PolicyPack.HEALTH);
            project("acme-health", "analytics", "Analytics", "eu-central", IsolationModel.SHARED, Set.of(), PolicyPack.BASELINE);
            project("nimbus-crm", "crm-eu", "CRM (EU)", "eu-central", IsolationModel.SHARED, Set.of(DataClass.PERSONAL), PolicyPack.PERSONAL_DATA);
            project("nimbus-crm", "crm-us", "CRM (US)", "us-east", IsolationModel.DEDICATED, Set.of(DataClass.PERSONAL), PolicyPack.PERSONAL_DATA);
            project("field-tools", "inventory", "Inventory", "eu-central", IsolationModel.SHARED, Set.of(), PolicyPack.BASELINE);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void project(String org, String slug, String name, String region, IsolationModel isolation, Set<DataClass> data, PolicyPack pack) {
        if (!regions.isKnown(region)) {
            return;
        }
        try {
            var result = provisioning.apply(new ProjectSpec(org, slug, name, region, isolation, data, pack), "demo:" + org + "/" + slug,
                    ProvisioningListener.NONE);
            if (result.credentials() != null) {
                starterRows(result.credentials(), isolation);
            } else if (result.status() == ProvisioningResult.Status.FAILED) {
                log.warn("Demo project {}/{} failed at {}: {}", org, slug, result.failedStep(), result.error());
            }
        } catch (TenancyConflictException | RegionUnreachableException e) {
            log.warn("Demo project {}/{} skipped: {}", org, slug, e.getMessage());
        }
    }

    private void starterRows(TenantCredentials c, IsolationModel isolation) {
        String schema = isolation == IsolationModel.SHARED ? "tenant_data" : "app";
        try (Connection conn = regions.connectAs(c.region(), c.database(), c.role(), c.password())) {
            for (String who : List.of("ada", "grace", "linus")) {
                try (PreparedStatement ps = conn.prepareStatement("with u as (insert into " + schema
                        + ".app_user (email, display_name) values (?, ?) returning id, tenant_id) insert into " + schema
                        + ".document (owner_id, title, body) select id, ?, 'Starter document' from u")) {
                    ps.setString(1, who + "@example.com");
                    ps.setString(2, who);
                    ps.setString(3, "Welcome, " + who);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            log.warn("Demo starter rows for {} not written: {}", c.role(), e.getMessage());
        }
    }
}
