package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.changes.ApprovalService;
import io.sextant.platform.changes.ChangeApplier;
import io.sextant.platform.changes.ChangeCheckResult;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.tenancy.internal.DeletionJob;
import io.sextant.platform.tenancy.internal.UsageMeter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A table added through the review board is one of the tenant's tables everywhere: exported
 * before deletion, erased with the tenant (in foreign-key order), metered against the plan,
 * counted by residency and shown in the inventory. The board refuses a shared table without the
 * tenant key. Each of these failed while export, erasure, metering, residency and the inventory
 * read the starter kit's fixed list of three tables.
 */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class TenantTablesTests {

    @Autowired
    Tenants tenants;
    @Autowired
    TenantTables tables;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectInventoryService inventory;
    @Autowired
    ResidencyService residency;
    @Autowired
    DeletionJob deletions;
    @Autowired
    UsageMeter meter;
    @Autowired
    ChangeRequestService changes;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ChangeApplier applier;
    @Autowired
    DSLContext dsl;

    @Test
    void aSharedTableAddedThroughTheBoardIsExportedErasedInForeignKeyOrderMeteredAndCounted() throws Exception {
        var a = tenants.provision(tenants.org("pro"), "us-east", IsolationModel.SHARED);
        var b = tenants.provision(tenants.org("pro"), "us-east", IsolationModel.SHARED);
        String w = "widget_" + UUID.randomUUID().toString().substring(0, 8);
        String owner = owner("us-east");
        ChangeCheckResult checked = throughTheBoard("region:us-east", """
                create table tenant_data.%1$s (id uuid primary key default gen_random_uuid(),
                  tenant_id uuid not null default platform.current_tenant_id(), owner_id uuid not null, label text not null,
                  foreign key (tenant_id, owner_id) references tenant_data.app_user (tenant_id, id));
                create index %1$s_owner on tenant_data.%1$s (tenant_id, owner_id);
                alter table tenant_data.%1$s enable row level security;
                alter table tenant_data.%1$s force row level security;
                create policy tenant_boundary on tenant_data.%1$s as restrictive to tenant_base
                  using (tenant_id = (select platform.current_tenant_id())) with check (tenant_id = (select platform.current_writable_tenant_id()));
                create policy tenant_access on tenant_data.%1$s to tenant_base using (true) with check (true);
                create policy platform_owner on tenant_data.%1$s to %2$s using (true) with check (true);
                grant select, insert, update, delete on tenant_data.%1$s to tenant_base;
                """.formatted(w, owner), "drop table tenant_data." + w + ";");
        assertThat(checked.risk().blocked()).as(checked.risk().reasons().toString()).isFalse();
        tenants.provision(tenants.org("pro"), "us-east", IsolationModel.SHARED); // sweeps the new table's column statistics off
        assertThat(tenants.count("us-east", "select count(*) from pg_attribute where attrelid = 'tenant_data." + w + "'::regclass"
                + " and attnum > 0 and attstattarget is distinct from 0")).isZero();
        insertWidgets(a, w, "a-one", "a-two");
        insertWidgets(b, w, "b-one");

        TenantTable widget = tables.tablesOf(project(a)).stream().filter(t -> t.name().equals(w)).findFirst().orElseThrow();
        assertThat(widget.tenantKey()).isTrue();
        assertThat(widget.references()).containsExactly("tenant_data.app_user");
        meter.measure(project(a));
        assertThat(project(a).rowsUsed()).as("one user and two widgets").isEqualTo(3);
        var found = asOperator(() -> residency.check(a.projectId())).findings().stream().filter(f -> f.region().equals("us-east")).findFirst();
        assertThat(found.orElseThrow().rows()).isEqualTo(3);
        assertThat(asOperator(() -> inventory.inventory(a.projectId())).tables())
                .anySatisfy(t -> assertThat(t.name() + "=" + t.tenantRows()).isEqualTo(w + "=2"));

        String json = deleteAndExport(a);
        assertThat(json).contains("\"" + w + "\":[").contains("a-one").contains("a-two").doesNotContain("b-one");
        assertThat(tenants.count("us-east", "select count(*) from tenant_data." + w + " where tenant_id = '" + a.projectId() + "'")).isZero();
        assertThat(tenants.count("us-east", "select count(*) from tenant_data.app_user where tenant_id = '" + a.projectId() + "'")).isZero();
        assertThat(tenants.count("us-east", "select count(*) from tenant_data." + w + " where tenant_id = '" + b.projectId() + "'")).isEqualTo(1);
    }

    @Test
    void aDedicatedTableAddedThroughTheBoardIsExportedAndMetered() throws Exception {
        Organization org = tenants.org("team");
        var d = tenants.provision(org, "eu-central", IsolationModel.DEDICATED);
        String g = "gadget_" + UUID.randomUUID().toString().substring(0, 8);
        String role = d.credentials().role();
        // no tenant key: in a dedicated database every row is the tenant's
        ChangeCheckResult checked = throughTheBoard("tenant:" + org.slug() + "/" + project(d).slug(), """
                create table app.%1$s (id uuid primary key default gen_random_uuid(), note text not null);
                alter table app.%1$s enable row level security;
                alter table app.%1$s force row level security;
                create policy tenant_all on app.%1$s to %2$s using (true) with check (true);
                create policy platform_owner on app.%1$s to %3$s using (true) with check (true);
                grant select, insert on app.%1$s to %2$s;
                """.formatted(g, role, owner("eu-central")), "drop table app." + g + ";");
        assertThat(checked.risk().blocked()).as(checked.risk().reasons().toString()).isFalse();
        try (Connection c = tenants.login(d.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into app." + g + " (note) values ('d-one'), ('d-two')");
        }
        meter.measure(project(d));
        assertThat(project(d).rowsUsed()).isEqualTo(2);
        assertThat(deleteAndExport(d)).contains("\"" + g + "\":[").contains("d-one").contains("d-two");
    }

    @Test
    void theBoardRefusesASharedTableWithoutTheTenantKey() throws Exception {
        tenants.provision(tenants.org("pro"), "us-east", IsolationModel.SHARED);
        String k = "keyless_" + UUID.randomUUID().toString().substring(0, 8);
        ChangeCheckResult checked = throughTheBoard("region:us-east",
                "create table tenant_data." + k + " (id uuid primary key, note text);", "drop table tenant_data." + k + ";");
        assertThat(checked.risk().blocked()).isTrue();
        assertThat(checked.risk().reasons()).anyMatch(r -> r.contains("tenant_data." + k) && r.contains("no tenant key"));
        ChangeRequest refused = as("alice", "OPERATOR", () -> changes.find(checked.changeId())).orElseThrow();
        assertThat(refused.state()).isEqualTo(ChangeState.FAILED);
        as("alice", "OPERATOR", () -> changes.reject(checked.changeId(), "test: refused, out of the target's way"));
        assertThat(tenants.count("us-east", "select count(*) from pg_tables where tablename = '" + k + "'")).isZero();
    }

    @Test
    void theBoardRefusesANewTenantTableWhoseRowSecurityHidesRowsFromTheOwner() throws Exception {
        Organization org = tenants.org("team");
        var d = tenants.provision(org, "eu-central", IsolationModel.DEDICATED);
        String h = "hidden_" + UUID.randomUUID().toString().substring(0, 8);
        ChangeCheckResult checked = throughTheBoard("tenant:" + org.slug() + "/" + project(d).slug(), """
                create table app.%1$s (id uuid primary key default gen_random_uuid(), note text);
                alter table app.%1$s enable row level security;
                alter table app.%1$s force row level security;
                create policy tenant_all on app.%1$s to %2$s using (true) with check (true);
                """.formatted(h, d.credentials().role()), "drop table app." + h + ";");
        assertThat(checked.risk().reasons()).anyMatch(r -> r.contains("app." + h) && r.contains("owner role"));
    }

    @Test
    void aTableWhoseRowSecurityHidesRowsFromTheOwnerStopsTheDeletionAndLosesNothing() throws Exception {
        var d = tenants.provision(tenants.org("team"), "eu-central", IsolationModel.DEDICATED);
        String role = d.credentials().role();
        // made behind the board's back (the board refuses it): the owner could neither export nor count its rows
        try (Connection c = tenants.regions.owner("eu-central", d.credentials().database()); Statement st = c.createStatement()) {
            st.execute("create table app.hidden (id uuid primary key default gen_random_uuid(), note text)");
            st.execute("alter table app.hidden enable row level security");
            st.execute("alter table app.hidden force row level security");
            st.execute("create policy tenant_all on app.hidden to " + role + " using (true) with check (true)");
            st.execute("grant select, insert on app.hidden to " + role);
        }
        try (Connection c = tenants.login(d.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into app.hidden (note) values ('must-not-be-lost')");
        }
        asOperator(() -> projects.delete(d.projectId()));
        dsl.execute("update control_plane.project set delete_after = now() - interval '1 minute' where project_id = ?", d.projectId());
        deletions.completeDueDeletions();
        assertThat(project(d).status()).isEqualTo("deleting");
        assertThat(asOperator(() -> projects.exports(d.projectId()))).isEmpty();
        assertThat(tenants.count("eu-central", "select count(*) from pg_database where datname = '" + d.credentials().database() + "'")).isEqualTo(1);
    }

    @Test
    void aRestoredAndAgainDeletedProjectIsExportedAgainWithItsNewRows() throws Exception {
        var t = tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED);
        asOperator(() -> projects.delete(t.projectId()));
        // the first deletion's export was taken, then its drop failed and the project was restored
        dsl.execute("insert into control_plane.project_export (export_id, project_id, deletion_due, created_at, created_by, format,"
                + " size_bytes, sha256, content) select gen_random_uuid(), project_id, delete_after, now(), 'system', 'json+gzip', 0, '\\x00', '\\x00'"
                + " from control_plane.project where project_id = ?", t.projectId());
        asOperator(() -> projects.restore(t.projectId()));
        try (Connection c = tenants.login(t.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into tenant_data.app_user (email) values ('after-restore@example.com')");
        }
        assertThat(deleteAndExport(t)).contains("after-restore@example.com");
        assertThat(asOperator(() -> projects.exports(t.projectId()))).hasSize(2);
    }

    @Test
    void rowsAreDeletedChildrenFirst() {
        TenantTable users = table("users", List.of());
        TenantTable docs = table("docs", List.of("s.users"));
        TenantTable comments = table("comments", List.of("s.docs", "s.users"));
        TenantTable loose = table("loose", List.of());
        assertThat(TenantTables.deleteOrder(List.of(users, docs, comments, loose)).stream().map(TenantTable::name))
                .containsExactly("comments", "docs", "loose", "users");
        TenantTable ping = table("ping", List.of("s.pong"));
        TenantTable pong = table("pong", List.of("s.ping"));
        assertThat(TenantTables.deleteOrder(List.of(ping, users, pong)).stream().map(TenantTable::name))
                .as("a cycle comes last, whole").containsExactly("users", "ping", "pong");
    }

    private static TenantTable table(String name, List<String> references) {
        return new TenantTable("s", name, true, references, List.of("id"), true, true, true);
    }

    private ChangeCheckResult throughTheBoard(String target, String forward, String rollback) throws Exception {
        int next = as("alice", "OPERATOR", () -> changes.list(target)).stream().filter(c -> c.state() != ChangeState.REJECTED)
                .mapToInt(ChangeRequest::sequence).max().orElse(0) + 1;
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(target, next, "test table", forward, rollback)));
        ChangeCheckResult checked = as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        if (checked.risk().blocked()) {
            return checked;
        }
        ChangeRequest now = as("alice", "OPERATOR", () -> changes.find(c.changeId())).orElseThrow();
        if (now.state() == ChangeState.NEEDS_APPROVAL) {
            as("sec", "SECURITY_ADMIN", () -> approvals.approve(c.changeId(), now.contentHash()));
        }
        assertThat(as("alice", "OPERATOR", () -> applier.apply(c.changeId())).state()).isEqualTo(ChangeState.APPLIED);
        return checked;
    }

    private void insertWidgets(ProvisioningResult t, String table, String... labels) throws Exception {
        try (Connection c = tenants.login(t.credentials()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("insert into tenant_data.app_user (email) values ('" + UUID.randomUUID() + "@example.com') returning id")) {
            rs.next();
            UUID user = rs.getObject(1, UUID.class);
            for (String label : labels) {
                try (PreparedStatement ps = c.prepareStatement("insert into tenant_data." + table + " (owner_id, label) values (?, ?)")) {
                    ps.setObject(1, user);
                    ps.setString(2, label);
                    ps.executeUpdate();
                }
            }
        }
    }

    private String deleteAndExport(ProvisioningResult t) throws Exception {
        asOperator(() -> projects.delete(t.projectId()));
        dsl.execute("update control_plane.project set delete_after = now() - interval '1 minute' where project_id = ?", t.projectId());
        deletions.completeDueDeletions();
        assertThat(project(t).status()).isEqualTo("deleted");
        var export = asOperator(() -> projects.exports(t.projectId())).getFirst();
        byte[] content = asOperator(() -> projects.downloadExport(export.exportId()));
        return new String(new GZIPInputStream(new ByteArrayInputStream(content)).readAllBytes(), StandardCharsets.UTF_8);
    }

    private Project project(ProvisioningResult t) {
        return projects.find(t.projectId()).orElseThrow();
    }

    private String owner(String region) throws Exception {
        try (Connection c = tenants.regions.owner(region); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static <T> T asOperator(Callable<T> work) throws Exception {
        return as("olivia", "OPERATOR", work);
    }

    private static <T> T as(String user, String role, Callable<T> work) throws Exception {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
