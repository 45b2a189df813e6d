package io.sextant.platform.changes.internal;

import io.sextant.database.ThrowawayClusters;
import io.sextant.platform.changes.ChangeRefusedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where shadows run, never on the target's own server (D008): by default a throwaway PostgreSQL
 * server of the target's major version, one per shadow, started from a template data directory
 * made once per major and process, stopped and deleted when the shadow closes. Or, when
 * {@code sextant.changes.shadow.url} is set, a database of its own on that configured server,
 * which is refused when its {@code system_identifier} is the target's or that of any server the
 * console manages.
 */
@Component
public class ShadowServers implements DisposableBean {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final ThrowawayClusters clusters;
    private final @Nullable String url;
    private final String user;
    private final String password;
    private final @Nullable ChangeTargetsView managed;

    /** The endpoints of every target the console manages (their servers' identities are compared with a configured shadow server's). */
    interface ChangeTargetsView {
        java.util.List<io.sextant.platform.changes.JdbcEndpoint> endpoints();
    }

    @org.springframework.beans.factory.annotation.Autowired
    ShadowServers(@Value("${sextant.changes.shadow.directory:#{systemProperties['java.io.tmpdir']}/sextant-shadows}") Path directory,
                  @Value("${sextant.changes.shadow.url:}") String url, @Value("${sextant.changes.shadow.username:}") String user,
                  @Value("${sextant.changes.shadow.password:}") String password,
                  @Value("${sextant.changes.shadow.started-ahead:3}") int startedAhead,
                  org.springframework.beans.factory.ObjectProvider<io.sextant.platform.changes.ChangeTargets> targets) {
        this(directory, url, user, password, startedAhead,
                () -> targets.getObject().list().stream().map(io.sextant.platform.changes.ChangeTarget::endpoint).toList());
    }

    ShadowServers(Path directory, String url, String user, String password, int startedAhead, ChangeTargetsView managed) {
        this.clusters = new ThrowawayClusters(directory, startedAhead);
        this.url = url.isBlank() ? null : url;
        this.user = user;
        this.password = password;
        this.managed = managed;
    }

    ShadowServers(Path directory) {
        this.clusters = new ThrowawayClusters(directory);
        this.url = null;
        this.user = "";
        this.password = "";
        this.managed = null;
    }

    /**
     * When the console is ready, the template of the platform's major is made and its servers are
     * started ahead in the background, so that the first check after a start does not pay for initdb
     * (turned off in tests that never check: {@code sextant.changes.shadow.prepare-at-start=false}).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void prepareAtStart(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        if (url == null && event.getApplicationContext().getEnvironment()
                .getProperty("sextant.changes.shadow.prepare-at-start", Boolean.class, true)) {
            clusters.prepare(PARSER_MAJOR);
        }
    }

    /** Prepares {@code major} and waits until its template exists (the bench's "first check after a start"). */
    void prepareAndWait(int major) throws Exception {
        clusters.prepare(major).get();
    }

    /** A fresh shadow server (or database on the configured one) for the target behind {@code live}. */
    ShadowServer startFor(Connection live) throws SQLException {
        if (url != null) {
            return configured(live);
        }
        int major = major(live);
        if (!ThrowawayClusters.hasBinaries(major)) {
            throw new ChangeRefusedException("shadow-unavailable", "The target runs PostgreSQL " + major
                    + "; shadows can be made for PostgreSQL " + ThrowawayClusters.majors() + " only.");
        }
        try {
            return new ShadowServer.Throwaway(clusters.start(major));
        } catch (RuntimeException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private ShadowServer configured(Connection live) throws SQLException {
        String shadowId;
        int major;
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            shadowId = systemIdentifier(c);
            major = major(c);
        } catch (SQLException e) {
            throw new ChangeRefusedException("shadow-unavailable", "The configured shadow server (sextant.changes.shadow.url) cannot be reached: "
                    + e.getMessage());
        }
        if (shadowId.equals(systemIdentifier(live))) {
            throw new ChangeRefusedException("shadow-is-target", "The configured shadow server is the target's own server "
                    + "(same system_identifier " + shadowId + "): checks never run where the target lives.");
        }
        for (var ep : managed == null ? java.util.List.<io.sextant.platform.changes.JdbcEndpoint>of() : managed.endpoints()) {
            try (Connection c = LiveSession.open(ep)) {
                if (shadowId.equals(systemIdentifier(c))) {
                    throw new ChangeRefusedException("shadow-is-managed", "The configured shadow server is a server the console manages ("
                            + ep.host() + ":" + ep.port() + "): checks never run on a server that holds tenants or the platform.");
                }
            } catch (SQLException e) {
                throw new ChangeRefusedException("shadow-unverified", "Cannot prove the configured shadow server differs from "
                        + ep.host() + ":" + ep.port() + ": " + e.getMessage());
            }
        }
        if (major != major(live)) {
            throw new ChangeRefusedException("shadow-version", "The configured shadow server runs PostgreSQL " + major
                    + " but the target runs " + major(live) + ".");
        }
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return new ShadowServer.Configured(url, user, password, major, "sextant_shadow_" + java.util.HexFormat.of().formatHex(b));
    }

    /** The server's identity: {@code system_identifier} from {@code pg_control_system()}. */
    static String systemIdentifier(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select system_identifier::text from pg_control_system()")) {
            r.next();
            return r.getString(1);
        }
    }

    /** The major the syntax check parses with: the platform's own. */
    static final int PARSER_MAJOR = io.sextant.database.EmbeddedPostgresServer.MAJOR;

    private ThrowawayClusters.@Nullable Cluster parser;

    /** The server {@link SyntaxChecker} parses on, started on first use and again after {@link #parserDied()}. */
    synchronized ThrowawayClusters.Cluster parser() {
        if (parser == null) {
            parser = clusters.start(PARSER_MAJOR);
        }
        return parser;
    }

    synchronized void parserDied(ThrowawayClusters.Cluster dead) {
        dead.close();
        if (parser == dead) {
            parser = null;
        }
    }

    static int major(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Shadow servers running now (zero once every check has finished); the syntax check's server is not one. */
    public synchronized int running() {
        return clusters.openClusters() - (parser == null ? 0 : 1);
    }

    /** The folder holding this process's servers. */
    public Path directory() {
        return clusters.directory();
    }

    /** The folders of the shadow servers running now (for tests that stop one mid-check). */
    public synchronized java.util.List<Path> runningShadowDirectories() {
        return clusters.openDirectories().stream().filter(d -> parser == null || !d.equals(parser.directory())).toList();
    }

    /** Shadow server folders that no running server owns: what a finished check left behind (nothing). */
    public java.util.List<Path> strayDirectories() throws java.io.IOException {
        return clusters.strayDirectories();
    }

    @Override
    public void destroy() {
        clusters.close();
    }
}
