package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Connected as tenant A's own login role, A can neither reach B's rows nor forge its tenant key. */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class SharedIsolationTests {

    @Autowired
    Tenants tenants;

    ProvisioningResult a;
    ProvisioningResult b;

    @BeforeEach
    void twoTenants() throws SQLException {
        Organization org = tenants.org("team");
        a = tenants.provision(org, "eu-central", IsolationModel.SHARED);
        b = tenants.provision(org, "eu-central", IsolationModel.SHARED);
        try (Connection c = tenants.login(b.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into tenant_data.app_user (email) values ('b@example.com')");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    @Test
    void tenantCannotSelectInsertUpdateOrDeleteAnotherTenantsRows() throws SQLException {
        String bId = b.projectId().toString();
        try (Connection c = tenants.login(a.credentials())) {
            update(c, "insert into tenant_data.app_user (email) values ('a@example.com')");
            assertThat(count(c, "select count(*) from tenant_data.app_user")).isEqualTo(1);
            assertThat(count(c, "select count(*) from tenant_data.app_user where tenant_id = '" + bId + "'")).isZero();
            assertThatThrownBy(() -> update(c, "insert into tenant_data.app_user (tenant_id, email) values ('" + bId + "', 'x@example.com')"))
                    .hasMessageContaining("row-level security");
            assertThat(update(c, "update tenant_data.app_user set display_name = 'pwned' where tenant_id = '" + bId + "'")).isZero();
            assertThat(update(c, "delete from tenant_data.app_user where tenant_id = '" + bId + "'")).isZero();
            assertThatThrownBy(() -> update(c, "update tenant_data.app_user set tenant_id = '" + bId + "'"))
                    .hasMessageContaining("row-level security");
        }
        assertThat(tenants.count("eu-central", "select count(*) from tenant_data.app_user where tenant_id = '" + bId
                + "' and email = 'b@example.com' and display_name is null")).isEqualTo(1);
    }

    @Test
    void tenantCannotForgeItsKeyOrSwitchRoles() throws SQLException {
        String bRole = b.credentials().role();
        try (Connection c = tenants.login(a.credentials())) {
            c.setAutoCommit(true);
            count(c, "select count(*) from (select set_config('app.tenant_id', '" + b.projectId() + "', false)) s");
            update(c, "set app.current_tenant = '" + b.projectId() + "'");
            assertThat(count(c, "select count(*) from tenant_data.app_user where tenant_id = '" + b.projectId() + "'")).isZero();
            for (String sql : new String[] {"set role " + bRole, "set role tenant_base", "set role sextant_owner",
                    "set session authorization " + bRole, "set session authorization sextant_owner"}) {
                assertThatThrownBy(() -> update(c, sql)).as(sql).isInstanceOf(SQLException.class);
            }
            assertThat(count(c, "select count(*) from platform.tenant_role")).isEqualTo(1);
            assertThat(count(c, "select count(*) from platform.tenant_role where role_name = '" + bRole + "'")).isZero();
            assertThatThrownBy(() -> update(c, "update platform.tenant_role set tenant_id = '" + b.projectId() + "'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> update(c, "create function platform.current_tenant_id() returns uuid language sql as 'select null::uuid'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> update(c, "alter table tenant_data.app_user disable row level security")).isInstanceOf(SQLException.class);
            assertThat(count(c, "select count(*) from tenant_data.app_user where tenant_id = '" + b.projectId() + "'")).isZero();
        }
    }

    @Test
    void dedicatedTenantsDatabaseRefusesOtherTenants() {
        Organization org = tenants.org("team");
        ProvisioningResult d1 = tenants.provision(org, "eu-central", IsolationModel.DEDICATED);
        ProvisioningResult d2 = tenants.provision(org, "eu-central", IsolationModel.DEDICATED);
        var regions = tenants.regions;
        assertThatThrownBy(() -> regions.connectAs("eu-central", d2.credentials().database(), d1.credentials().role(), d1.credentials().password()))
                .isInstanceOf(TenantConnectionRefusedException.class);
        assertThatThrownBy(() -> regions.connectAs("eu-central", d1.credentials().database(), a.credentials().role(), a.credentials().password()))
                .isInstanceOf(TenantConnectionRefusedException.class);
        // and a dedicated tenant cannot reach the shared schema's database either
        assertThatThrownBy(() -> regions.connectAs("eu-central", regions.platformDatabase("eu-central"), d1.credentials().role(), d1.credentials().password()))
                .isInstanceOf(TenantConnectionRefusedException.class);
    }

    @Test
    void noTenantCanStoreLargeObjectsOutsideRowSecurity() throws SQLException {
        ProvisioningResult d = tenants.provision(tenants.org("team"), "us-east", IsolationModel.DEDICATED);
        for (ProvisioningResult t : new ProvisioningResult[] {a, d}) {
            try (Connection c = tenants.login(t.credentials())) {
                for (String sql : new String[] {"select lo_create(0)", "select lo_creat(-1)", "select lo_from_bytea(0, '\\x01'::bytea)"}) {
                    assertThatThrownBy(() -> count(c, sql)).as(sql).hasMessageContaining("permission denied");
                }
                assertThat(count(c, "select count(*) from pg_largeobject_metadata")).isZero();
            }
        }
    }

    @Test
    void plannerEstimatesDoNotRevealHowOftenAValueOccursInOtherTenantsRows() throws SQLException {
        try (Connection c = tenants.login(b.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into tenant_data.document (title, classification) select 'b', 'health' from generate_series(1, 2000)");
        }
        try (Connection c = tenants.regions.owner("eu-central"); Statement st = c.createStatement()) {
            st.execute("analyze tenant_data.document");
        }
        try (Connection c = tenants.login(a.credentials())) {
            // with column statistics, 'health' (2000 of B's rows) would be estimated far above 'payment' (none)
            assertThat(estimate(c, "health")).isEqualTo(estimate(c, "payment"));
        }
    }

    private static double estimate(Connection c, String classification) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "explain (format json) select * from tenant_data.document where classification = '" + classification + "'")) {
            rs.next();
            var m = java.util.regex.Pattern.compile("\"Plan Rows\": ([0-9.]+)").matcher(rs.getString(1));
            assertThat(m.find()).isTrue();
            return Double.parseDouble(m.group(1));
        }
    }
}
