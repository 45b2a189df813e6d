package io.sextant.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded server is safe to hold real data: password (scram) logins only, loopback only,
 * owner-only secrets that never reach its logs, and a runtime role that cannot get around
 * row-level security.
 */
class EmbeddedServerSecurityTest {

    private static final String INVALID_PASSWORD = "28P01";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String ZONKY_LOGGER = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private static EmbeddedPostgresServer server;
    private static DatabaseCredentials creds;
    private static String rlsDatabase;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void sharedServerWithAnRlsProtectedTable() throws SQLException {
        server = SharedEmbeddedPostgres.server();
        creds = SharedEmbeddedPostgres.credentials();
        rlsDatabase = SharedEmbeddedPostgres.createFreshDatabase("rls");
        try (Connection c = owner(rlsDatabase).getConnection(); Statement st = c.createStatement()) {
            st.execute("create table tenant_note (id int primary key, tenant text not null, body text not null)");
            st.execute("insert into tenant_note values (1, '" + DatabaseBootstrap.APP_ROLE + "', 'mine'),"
                    + " (2, 'other_tenant', 'theirs'), (3, 'other_tenant', 'theirs too')");
            st.execute("alter table tenant_note enable row level security");
            st.execute("alter table tenant_note force row level security");
            st.execute("create policy own_tenant on tenant_note using (tenant = current_user)");
            st.execute("grant select on tenant_note to " + DatabaseBootstrap.APP_ROLE);
        }
    }

    // --- logins -------------------------------------------------------------------------------

    @Test
    void refusesTheSuperuserWithAWrongPassword() {
        assertLoginRefusedAsInvalidPassword(EmbeddedPostgresServer.SUPERUSER, "wrong-" + superuserSecret());
        assertThat(server.acceptsLogin(EmbeddedPostgresServer.SUPERUSER, "wrong")).isFalse();
    }

    @Test
    void refusesTheRuntimeRoleWithAWrongPassword() {
        assertLoginRefusedAsInvalidPassword(creds.appUser(), creds.ownerPassword());
        assertThat(server.acceptsLogin(creds.appUser(), "wrong")).isFalse();
    }

    @Test
    void refusesLoginsWithoutAPassword() {
        for (String user : List.of(EmbeddedPostgresServer.SUPERUSER, creds.ownerUser(), creds.appUser())) {
            assertThatThrownBy(() -> connect(server.dataSource("postgres", user, null)))
                    .as("%s without a password", user).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server.dataSource("postgres", user, "")))
                    .as("%s with an empty password", user).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void acceptsTheRightPasswords() throws SQLException {
        assertThat(server.acceptsLogin(EmbeddedPostgresServer.SUPERUSER, superuserSecret())).isTrue();
        assertThat(server.acceptsLogin(creds.ownerUser(), creds.ownerPassword())).isTrue();
        assertThat(server.acceptsLogin(creds.appUser(), creds.appPassword())).isTrue();
        assertThat(queryString(app(DatabaseBootstrap.DATABASE), "select current_user")).isEqualTo(creds.appUser());
    }

    // --- network and authentication configuration ---------------------------------------------

    @Test
    void listensOnLoopbackOnly() throws SQLException {
        assertThat(queryString(server.superuserDataSource("postgres"), "show listen_addresses")).isEqualTo("127.0.0.1");
    }

    @Test
    void pgHbaAllowsOnlyScramSha256() throws SQLException {
        List<String> rules = new ArrayList<>();
        try (Connection c = server.superuserDataSource("postgres").getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select type, address, auth_method, error from pg_hba_file_rules")) {
            while (rs.next()) {
                assertThat(rs.getString("error")).as("pg_hba.conf error").isNull();
                rules.add(rs.getString("type") + " " + rs.getString("address") + " " + rs.getString("auth_method"));
                assertThat(rs.getString("auth_method")).as("rule %s", rules.getLast()).isEqualTo("scram-sha-256");
            }
        }
        assertThat(rules).isNotEmpty();
    }

    // --- secrets ------------------------------------------------------------------------------

    @Test
    void secretFilesAreOwnerOnlyInAnOwnerOnlyDirectory() throws IOException {
        Path dir = server.home().resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains(
                "superuser.secret", DatabaseBootstrap.OWNER_ROLE + ".secret", DatabaseBootstrap.APP_ROLE + ".secret")
                .as("initdb's password file is removed after use").doesNotContain("initdb-pwfile");
        assertThat(files).allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .as("%s", f.getFileName()).isEqualTo("rw-------"));
    }

    @Test
    void secretsAreNotStoredInClearTextInTheDataDirectory() throws IOException {
        List<String> secrets = List.of(superuserSecret(), creds.ownerPassword(), creds.appPassword());
        List<Path> files;
        try (Stream<Path> s = Files.walk(server.home().resolve("pg"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String content;
            try {
                content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException gone) {
                continue; // the running server removed a temporary file
            }
            for (String secret : secrets) {
                assertThat(content.contains(secret)).as("a secret in clear text in %s", f).isFalse();
            }
        }
    }

    @Test
    void aFreshServerNeverLogsItsSecrets() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger zonky = (Logger) LoggerFactory.getLogger(ZONKY_LOGGER);
        Logger sextant = (Logger) LoggerFactory.getLogger("io.sextant");
        Level zonkyLevel = zonky.getLevel();
        Level sextantLevel = sextant.getLevel();
        zonky.setLevel(Level.ALL);
        sextant.setLevel(Level.ALL);
        zonky.setAdditive(false); // capture everything, print nothing
        sextant.setAdditive(false);
        zonky.addAppender(appender);
        sextant.addAppender(appender);
        List<String> secrets;
        try (EmbeddedPostgresServer fresh = EmbeddedPostgresServer.start(tempDir.resolve("fresh"), 0)) {
            DatabaseBootstrap.bootstrap(fresh);
            secrets = List.of(fresh.secrets().getOrCreate("superuser"),
                    fresh.secrets().getOrCreate(DatabaseBootstrap.OWNER_ROLE),
                    fresh.secrets().getOrCreate(DatabaseBootstrap.APP_ROLE));
        } finally {
            zonky.detachAppender(appender);
            sextant.detachAppender(appender);
            zonky.setLevel(zonkyLevel);
            sextant.setLevel(sextantLevel);
            zonky.setAdditive(true);
            sextant.setAdditive(true);
        }
        List<String> logged = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent e : appender.list) {
                logged.add(describe(e));
            }
        }
        assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(40));
        assertThat(logged).as("captured zonky's output").anySatisfy(l -> assertThat(l).contains("postmaster"));
        for (String line : logged) {
            for (String secret : secrets) {
                assertThat(line.contains(secret)).as("a secret in the log line: %s", line.replace(secret, "<SECRET>")).isFalse();
            }
        }
    }

    @Test
    void aRestartOnTheSameDirectoryKeepsDataAndStillNeedsThePassword() throws SQLException {
        Path home = tempDir.resolve("restart");
        DatabaseCredentials first;
        try (EmbeddedPostgresServer s = EmbeddedPostgresServer.start(home, 0)) {
            first = DatabaseBootstrap.bootstrap(s);
            try (Connection c = s.dataSource(DatabaseBootstrap.DATABASE, first.ownerUser(), first.ownerPassword()).getConnection();
                    Statement st = c.createStatement()) {
                st.execute("create table kept (v text)");
                st.execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedPostgresServer s = EmbeddedPostgresServer.start(home, 0)) {
            assertThat(queryString(s.dataSource(DatabaseBootstrap.DATABASE, first.ownerUser(), first.ownerPassword()),
                    "select v from kept")).isEqualTo("still here");
            String superuserSecret = s.secrets().getOrCreate("superuser");
            assertThat(s.acceptsLogin(EmbeddedPostgresServer.SUPERUSER, superuserSecret)).isTrue();
            for (String user : List.of(EmbeddedPostgresServer.SUPERUSER, first.ownerUser(), first.appUser())) {
                assertThatThrownBy(() -> connect(s.dataSource("postgres", user, "wrong")))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
                assertThatThrownBy(() -> connect(s.dataSource("postgres", user, null))).isInstanceOf(SQLException.class);
            }
            DatabaseCredentials again = DatabaseBootstrap.bootstrap(s);
            assertThat(again.ownerPassword()).isEqualTo(first.ownerPassword());
            assertThat(again.appPassword()).isEqualTo(first.appPassword());
            assertThat(s.acceptsLogin(first.appUser(), first.appPassword())).isTrue();
        }
    }

    // --- the runtime role and row-level security ----------------------------------------------

    @Test
    void runtimeRoleIsNeitherSuperuserNorExemptFromRowLevelSecurity() throws SQLException {
        try (Connection c = server.superuserDataSource("postgres").getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = '"
                        + DatabaseBootstrap.APP_ROLE + "'")) {
            assertThat(rs.next()).as("role %s exists", DatabaseBootstrap.APP_ROLE).isTrue();
            assertThat(rs.getBoolean("rolsuper")).as("rolsuper").isFalse();
            assertThat(rs.getBoolean("rolbypassrls")).as("rolbypassrls").isFalse();
            assertThat(rs.getBoolean("rolcanlogin")).as("rolcanlogin").isTrue();
        }
    }

    @Test
    void runtimeRoleSeesOnlyTheRowsThePolicyAllows() throws SQLException {
        assertThat(queryString(server.superuserDataSource(rlsDatabase), "select count(*) from tenant_note"))
                .as("all rows exist").isEqualTo("3");
        assertThat(ids(app(rlsDatabase), "select id from tenant_note order by id")).containsExactly(1);
        assertThat(ids(app(rlsDatabase), "select id from tenant_note where tenant = 'other_tenant'")).isEmpty();
    }

    @Test
    void runtimeRoleCannotTurnRowSecurityOffToSeeMore() throws SQLException {
        try (Connection c = app(rlsDatabase).getConnection(); Statement st = c.createStatement()) {
            st.execute("set row_security = off");
            assertThatThrownBy(() -> st.executeQuery("select id from tenant_note"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                        assertThat(e.getMessage()).contains("row-level security");
                    });
        }
    }

    @Test
    void runtimeRoleCannotDisableOrUnforceRowLevelSecurity() throws SQLException {
        for (String sql : List.of("alter table tenant_note disable row level security",
                "alter table tenant_note no force row level security",
                "drop policy own_tenant on tenant_note")) {
            try (Connection c = app(rlsDatabase).getConnection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute(sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                            assertThat(e.getMessage()).contains("must be owner");
                        });
            }
        }
        assertThat(queryString(owner(rlsDatabase),
                "select relrowsecurity and relforcerowsecurity from pg_class where relname = 'tenant_note'")).isEqualTo("t");
        assertThat(ids(app(rlsDatabase), "select id from tenant_note")).containsExactly(1);
    }

    @Test
    void runtimeRoleCannotBecomeTheOwnerOrTheSuperuser() throws SQLException {
        for (String sql : List.of("set role " + DatabaseBootstrap.OWNER_ROLE,
                "set role " + EmbeddedPostgresServer.SUPERUSER,
                "set session authorization " + EmbeddedPostgresServer.SUPERUSER)) {
            try (Connection c = app(rlsDatabase).getConnection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOf(SQLException.class);
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String superuserSecret() {
        return server.secrets().getOrCreate("superuser");
    }

    private static DataSource owner(String database) {
        return server.dataSource(database, creds.ownerUser(), creds.ownerPassword());
    }

    private static DataSource app(String database) {
        return server.dataSource(database, creds.appUser(), creds.appPassword());
    }

    private static void assertLoginRefusedAsInvalidPassword(String user, String password) {
        assertThatThrownBy(() -> connect(server.dataSource("postgres", user, password)))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
    }

    private static void connect(DataSource ds) throws SQLException {
        try (Connection ignored = ds.getConnection()) {
            // connected
        }
    }

    private static String queryString(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static List<Integer> ids(DataSource ds, String sql) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** Everything of a log event that could carry a secret: message, arguments, exceptions, MDC. */
    private static String describe(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getFormattedMessage()).append(" | ").append(e.getMessage());
        if (e.getArgumentArray() != null) {
            for (Object arg : e.getArgumentArray()) {
                sb.append(" | ").append(arg);
            }
        }
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        sb.append(" | ").append(e.getMDCPropertyMap());
        return sb.toString();
    }
}
