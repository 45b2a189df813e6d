package io.sextant.platform.tenancy.internal;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.DatabaseCredentials;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.platform.tenancy.RegionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where one region's server is and how its owner logs in: the configured URL, or an embedded
 * server started once per JVM and region (like the platform database, see D002).
 */
record RegionServerPool(String code, String url, String database, String ownerUser, String ownerPassword) {

    private static final Map<String, DatabaseCredentials> EMBEDDED = new ConcurrentHashMap<>();

    static RegionServerPool of(String code, RegionSettings s, String embeddedDirectory) {
        if (s.url() != null && !s.url().isBlank()) {
            String db = s.url().replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("[?].*$", "");
            return new RegionServerPool(code, s.url(), db, s.ownerUsername() == null ? DatabaseBootstrap.OWNER_ROLE : s.ownerUsername(),
                    s.ownerPassword() == null ? "" : s.ownerPassword());
        }
        // A throwaway directory with a fixed port would collide with a running console: tests get free ports.
        boolean ephemeral = embeddedDirectory.equals("ephemeral") || embeddedDirectory.startsWith("ephemeral:");
        int port = ephemeral || s.embeddedPort() == null ? 0 : s.embeddedPort();
        DatabaseCredentials c = EMBEDDED.computeIfAbsent(embeddedDirectory + ":" + code + ":" + port,
                k -> start(ephemeral ? null : Path.of(embeddedDirectory).toAbsolutePath().resolve("regions").resolve(code), code, port));
        return new RegionServerPool(code, c.url(), DatabaseBootstrap.DATABASE, c.ownerUser(), c.ownerPassword());
    }

    private static DatabaseCredentials start(Path home, String code, int port) {
        try {
            Path dir = home != null ? home : Files.createTempDirectory("sextant-region-" + code);
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-region-" + code + "-stop"));
            return DatabaseBootstrap.bootstrapRegion(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same server, another database. */
    String urlFor(String otherDatabase) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + otherDatabase);
    }

    @Override
    public String toString() {
        return "RegionServerPool[" + code + "]";
    }
}
