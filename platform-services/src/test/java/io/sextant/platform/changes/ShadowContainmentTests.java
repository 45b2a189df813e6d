package io.sextant.platform.changes;

import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.platform.PlatformTest;
import io.sextant.platform.changes.internal.ShadowServers;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Checks never run a change where the target lives (D008): on every kind of target, statements
 * with server-wide effect, in the forward or in the rollback, leave the live server's roles,
 * passwords, memberships, role settings, databases and configuration byte-identical; the change
 * runs as a NOSUPERUSER role inside its own throwaway server, which is gone when the check ends.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithMockUser(username = "olga", roles = "OPERATOR")
class ShadowContainmentTests {

    @Autowired
    ShadowApplier shadow;
    @Autowired
    RollbackVerifier rollbacks;
    @Autowired
    ChangeRequestService changes;
    @Autowired
    ChangeTargets targets;
    @Autowired
    ShadowServers servers;
    @Autowired
    Tenants tenants;

    DatabaseTarget testTarget;

    @BeforeAll
    void setUp() throws Exception {
        testTarget = TestTargets.create("chg_contain", "create table items (id bigint primary key, label text);"
                + "insert into items select g, 'item ' || g from generate_series(1, 100) g;");
    }

    @Test
    void serverWideStatementsLeaveEveryKindOfLiveServerByteIdentical() throws Exception {
        var dedicated = tenants.provision(tenants.org("enterprise"), "eu-central", IsolationModel.DEDICATED);
        ChangeTarget dedicatedTarget = targets.list().stream()
                .filter(t -> t.kind().equals("dedicated-tenant-database") && t.endpoint().database().equals(dedicated.credentials().database()))
                .findFirst().orElseThrow();
        ShadowOptions quick = ShadowOptions.defaults().withRowCap(100).withCalibrationSizes(List.of());
        for (ChangeTarget t : List.of(targets.require("platform"), targets.require("region:eu-central"), dedicatedTarget)) {
            String owner = t.endpoint().user();
            String before = fingerprint(t);
            // In the order the shadow's owner (NOSUPERUSER, its live attributes) can run them, so that as many
            // as possible really execute there; on the old same-server shadow the first already escaped.
            String escapes = String.join(";\n",
                    "create role sextant_escape_" + suffix() + " login password 'escaped'",
                    "alter role " + owner + " password 'escaped'",
                    "alter role " + owner + " set work_mem = '1MB'",
                    "create database sextant_escape_" + suffix(),
                    "drop database if exists " + dedicatedTarget.endpoint().database(),
                    "grant pg_execute_server_program to " + owner,
                    "alter system set work_mem = '2MB'");
            ShadowReport r = shadow.apply(t.targetId(), escapes, quick, ShadowProgressListener.NONE);
            assertThat(r.lint().findings().stream().filter(f -> f.ruleId().equals("server-wide-effect"))).hasSize(7);
            assertThat(r.statements()).as("the role, password, setting and database statements ran in the shadow").hasSizeGreaterThanOrEqualTo(4);
            rollbacks.verify(t.targetId(), "create table if not exists app_probe (id int)", "drop table app_probe;\n" + escapes, 100);
            assertThat(fingerprint(t)).as("live server of %s after checking server-wide statements", t.targetId()).isEqualTo(before);
            assertNothingLeftRunning();
        }
    }

    @Test
    void aRollbackThatCreatesARoleNeedsASecurityAdminInsteadOfPassingUnapproved() throws Exception {
        String before = fingerprint(testTarget);
        ChangeRequest c = changes.submit(new ChangeSubmission(testTarget.targetId(), next(), "harmless table",
                "create table app.notes (id bigint primary key)",
                "drop table app.notes; create role sextant_rollback_" + suffix() + " login password 'x'"));
        ChangeCheckResult r = changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE);

        assertThat(r.rollbackLint()).isNotNull();
        assertThat(r.rollbackLint().findings()).anyMatch(f -> f.ruleId().equals("server-wide-effect"));
        assertThat(r.risk().needsApproval()).isTrue();
        assertThat(r.risk().requiredRole()).isEqualTo("SECURITY_ADMIN");
        assertThat(changes.find(c.changeId()).orElseThrow().state()).isEqualTo(ChangeState.NEEDS_APPROVAL);
        assertThat(fingerprint(testTarget)).isEqualTo(before);
        assertNothingLeftRunning();
    }

    @Test
    void theChangeRunsWithoutSuperuserSoTheHostsFilesAndProgramsAreOutOfReach() throws Exception {
        Path marker = Files.createTempDirectory("sextant-escape").resolve("touched");
        Path secret = Files.writeString(Files.createTempFile("sextant-secret", ".txt"), "top-secret-value");
        for (String sql : List.of(
                "copy (select 1) to program 'touch " + marker + "'",
                "copy app.items to '" + marker + "'",
                "select lo_export(lo_from_bytea(0, 'x'::bytea), '" + marker + "')",
                "create table app.leak as select pg_read_file('" + secret + "') as content",
                "alter role current_user superuser")) {
            ShadowReport r = shadow.apply(testTarget.targetId(), sql, ShadowOptions.defaults(), ShadowProgressListener.NONE);
            assertThat(r.failure()).as(sql).isNotNull();
            assertThat(r.failure().message()).as(sql).containsIgnoringCase("permission denied");
            assertThat(marker).doesNotExist();
        }
        ShadowReport whoami = shadow.apply(testTarget.targetId(), """
                do $$ begin
                  if (select rolsuper from pg_roles where rolname = current_user) then raise exception 'ran as a superuser'; end if;
                  if current_user <> '%s' then raise exception 'ran as %%', current_user; end if;
                end $$""".formatted(testTarget.endpoint().user()), ShadowOptions.defaults(), ShadowProgressListener.NONE);
        assertThat(whoami.failure()).isNull();
        assertNothingLeftRunning();
    }

    @Test
    void aShadowServerThatDiesMidCheckGivesAClearReportAndLeavesNothingBehind() throws Exception {
        String before = fingerprint(testTarget);
        ShadowProgressListener killer = (phase, done, total, message) -> {
            if (phase.equals("apply")) {
                killShadowServers();
            }
        };
        ShadowReport r;
        try {
            r = shadow.apply(testTarget.targetId(), "alter table app.items add column note text", ShadowOptions.defaults(), killer);
            assertThat(r.failure()).isNotNull();
        } catch (ChangeRefusedException e) {
            assertThat(e.reason()).isEqualTo("shadow-unavailable");
            assertThat(e.getMessage()).contains("shadow");
        }
        assertThat(fingerprint(testTarget)).isEqualTo(before);
        assertThat(TestTargets.snapshot(testTarget).objects().keySet()).noneMatch(k -> k.contains("note"));
        assertNothingLeftRunning();
    }

    private void killShadowServers() {
        try {
            for (Path dir : servers.runningShadowDirectories()) {
                Path pid = dir.resolve("pg").resolve("postmaster.pid");
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNothingLeftRunning() throws Exception {
        assertThat(servers.running()).as("shadow servers still running").isZero();
        assertThat(servers.strayDirectories()).as("shadow server directories left behind").isEmpty();
    }

    private int next() throws Exception {
        return changes.nextSequence(testTarget.targetId());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a server-wide escape would change, read as the live server's superuser (pg_roles masks passwords). */
    static String fingerprint(ChangeTarget t) throws SQLException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.onPort(t.endpoint().port()).orElseThrow();
        StringBuilder out = new StringBuilder();
        try (Connection c = server.superuserDataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "select * from pg_authid order by rolname",
                    "select r.rolname, m.rolname, a.admin_option, a.inherit_option, a.set_option from pg_auth_members a "
                            + "join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member order by 1, 2",
                    "select * from pg_db_role_setting order by setdatabase, setrole",
                    "select datname, datdba, datconnlimit, datallowconn, datacl from pg_database order by datname",
                    "select sourcefile, name, setting, applied from pg_file_settings order by 1, 2")) {
                try (ResultSet r = st.executeQuery(sql)) {
                    ResultSetMetaData md = r.getMetaData();
                    while (r.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            out.append(r.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
