package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Test plumbing: fresh organisations and provisioned tenants, and counts of what exists on a region server. */
@Component
public class Tenants {

    @Autowired
    OrganizationService orgs;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    RegionServers regions;

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Organization org(String plan) {
        return orgs.create(unique("org"), "Test org", plan);
    }

    public ProvisioningResult provision(Organization org, String region, IsolationModel isolation) {
        var spec = new ProjectSpec(org.slug(), unique("p"), "Test project", region, isolation, Set.of(), PolicyPack.BASELINE);
        var r = provisioning.apply(spec, UUID.randomUUID().toString(), ProvisioningListener.NONE);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ProvisioningResult.Status.SUCCEEDED);
        return r;
    }

    /** A project holding regulated data, in an enterprise organisation (whose plan allows it). */
    public UUID provisionWithData(String region, IsolationModel isolation, DataClass data) {
        Organization org = org("enterprise");
        var spec = new ProjectSpec(org.slug(), unique("p"), "Regulated project", region, isolation, Set.of(data), PolicyPack.HEALTH);
        var r = provisioning.apply(spec, UUID.randomUUID().toString(), ProvisioningListener.NONE);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ProvisioningResult.Status.SUCCEEDED);
        return r.projectId();
    }

    public Connection login(ProvisioningResult.TenantCredentials c) {
        return regions.connectAs(c.region(), c.database(), c.role(), c.password());
    }

    public long count(String region, String sql) {
        try (Connection c = regions.owner(region); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Roles, databases and tenant keys of tenants on a region server: what "no leftovers" is counted by. */
    public String footprint(String region) {
        return count(region, "select count(*) from pg_roles where rolname like 't\\_%'") + " roles, "
                + count(region, "select count(*) from pg_database where datname like 't\\_%'") + " databases, "
                + count(region, "select count(*) from pg_namespace where nspname in ('tenant_data', 'platform', 'app')") + " schemas, "
                + count(region, "select count(*) from platform.tenant_role") + " keys";
    }
}
