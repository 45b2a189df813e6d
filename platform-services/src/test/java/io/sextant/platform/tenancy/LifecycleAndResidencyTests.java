package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.internal.DeletionJob;
import io.sextant.platform.tenancy.internal.UsageMeter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class LifecycleAndResidencyTests {

    @Autowired
    Tenants tenants;
    @Autowired
    ProjectService projects;
    @Autowired
    ResidencyService residency;
    @Autowired
    DeletionJob deletions;
    @Autowired
    UsageMeter meter;
    @Autowired
    DSLContext dsl;

    @Test
    void suspendBlocksLoginsResumeRestoresAndBothAreIdempotent() throws Exception {
        var t = tenants.provision(tenants.org("pro"), "eu-central", IsolationModel.SHARED);
        Connection open = tenants.login(t.credentials());
        projects.suspend(t.projectId());
        int version = projects.find(t.projectId()).orElseThrow().version();
        assertThat(projects.suspend(t.projectId()).version()).isEqualTo(version);
        assertThatThrownBy(() -> tenants.login(t.credentials())).isInstanceOf(TenantConnectionRefusedException.class);
        assertThatThrownBy(() -> open.createStatement().execute("select 1")).isInstanceOf(java.sql.SQLException.class);
        projects.resume(t.projectId());
        projects.resume(t.projectId());
        try (Connection c = tenants.login(t.credentials())) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("ledger.audit_event").where("target_id = ? and action in ('tenancy.project.suspend', 'tenancy.project.resume')",
                t.projectId().toString()))).isEqualTo(2);
    }

    @Test
    void deleteExportsFirstAndDropsEverythingAfterTheGracePeriod() throws Exception {
        var t = tenants.provision(tenants.org("team"), "us-east", IsolationModel.DEDICATED);
        try (Connection c = tenants.login(t.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into app.app_user (email) values ('keep-me@example.com')");
        }
        var deleting = projects.delete(t.projectId());
        assertThat(deleting.status()).isEqualTo("deleting");
        assertThat(deleting.deleteAfter()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertThat(projects.delete(t.projectId()).version()).isEqualTo(deleting.version());
        assertThat(deletions.completeDueDeletions()).isZero();
        assertThat(projects.restore(t.projectId()).status()).isEqualTo("active");
        projects.delete(t.projectId());
        dsl.execute("update control_plane.project set delete_after = now() - interval '1 minute' where project_id = ?", t.projectId());
        assertThat(deletions.completeDueDeletions()).isEqualTo(1);
        assertThat(projects.find(t.projectId()).orElseThrow().status()).isEqualTo("deleted");
        var export = projects.exports(t.projectId()).getFirst();
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(projects.downloadExport(export.exportId()))).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).contains("keep-me@example.com");
        String role = t.credentials().role();
        assertThat(tenants.count("us-east", "select count(*) from pg_roles where rolname = '" + role + "'")).isZero();
        assertThat(tenants.count("us-east", "select count(*) from pg_database where datname = '" + role + "'")).isZero();
    }

    @Test
    void pinnedTenantLivesOnlyOnItsRegionAndAHandMovedRowIsCaught() throws Exception {
        var t = tenants.provision(tenants.org("pro"), "eu-central", IsolationModel.SHARED);
        var clean = residency.check(t.projectId());
        assertThat(clean.compliant()).as(clean.violations().toString()).isTrue();
        assertThat(clean.findings()).extracting(ResidencyReport.Finding::systemIdentifier).doesNotHaveDuplicates();
        var usEast = clean.findings().stream().filter(f -> f.region().equals("us-east")).findFirst().orElseThrow();
        assertThat(usEast.holdsAnything()).isFalse();
        tenants.provision(tenants.org("pro"), "us-east", IsolationModel.SHARED); // us-east gets its shared schema
        try (Connection c = tenants.regions.owner("us-east");
                PreparedStatement ps = c.prepareStatement("insert into tenant_data.app_user (tenant_id, email) values (?, 'moved@example.com')")) {
            ps.setObject(1, t.projectId());
            ps.executeUpdate();
        }
        var caught = residency.check(t.projectId());
        assertThat(caught.compliant()).isFalse();
        assertThat(caught.violations()).anyMatch(v -> v.contains("us-east") && v.contains("rows=1"));
    }

    @Test
    void overThePlansRowLimitTheTenantBecomesReadOnlyAndBackUnderWritable() throws Exception {
        var t = tenants.provision(tenants.org("free"), "eu-central", IsolationModel.SHARED);
        try (Connection c = tenants.regions.owner("eu-central"); PreparedStatement ps = c.prepareStatement(
                "insert into tenant_data.event_log (tenant_id, kind) select ?, 'bulk' from generate_series(1, 50001)")) {
            ps.setObject(1, t.projectId());
            ps.executeUpdate();
        }
        meter.measure(projects.find(t.projectId()).orElseThrow());
        var p = projects.find(t.projectId()).orElseThrow();
        assertThat(p.readOnly()).isTrue();
        assertThat(p.readOnlyReason()).contains("50001 rows");
        try (Connection c = tenants.login(t.credentials()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("insert into tenant_data.app_user (email) values ('x@example.com')"))
                    .hasMessageContaining("row-level security");
            assertThat(st.executeUpdate("delete from tenant_data.event_log")).isEqualTo(50001);
        }
        meter.measure(projects.find(t.projectId()).orElseThrow());
        assertThat(projects.find(t.projectId()).orElseThrow().readOnly()).isFalse();
        try (Connection c = tenants.login(t.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into tenant_data.app_user (email) values ('x@example.com')");
        }
    }
}
