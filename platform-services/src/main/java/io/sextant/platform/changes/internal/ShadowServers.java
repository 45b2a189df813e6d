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
 * Where shadows run: a throwaway PostgreSQL server of the target's major version, one per shadow,
 * never the target's own server (D008). Started from a template data directory made once per
 * major and process, stopped and deleted when the shadow closes.
 */
@Component
public class ShadowServers implements DisposableBean {

    private final ThrowawayClusters clusters;

    ShadowServers(@Value("${sextant.changes.shadow.directory:#{systemProperties['java.io.tmpdir']}/sextant-shadows}") Path directory) {
        this.clusters = new ThrowawayClusters(directory);
    }

    /** A fresh server of the same major version as the server behind {@code live}. */
    ThrowawayClusters.Cluster startFor(Connection live) throws SQLException {
        int major = major(live);
        if (!ThrowawayClusters.hasBinaries(major)) {
            throw new ChangeRefusedException("shadow-unavailable", "The target runs PostgreSQL " + major
                    + "; shadows can be made for PostgreSQL " + ThrowawayClusters.majors() + " only.");
        }
        try {
            return clusters.start(major);
        } catch (RuntimeException e) {
            throw new SQLException(e.getMessage(), e);
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
