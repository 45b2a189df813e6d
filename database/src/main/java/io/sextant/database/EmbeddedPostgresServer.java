package io.sextant.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server that is safe to keep real data in: it listens on loopback only,
 * accepts only {@code scram-sha-256} password logins (not the {@code trust} that initdb leaves)
 * and its superuser secret is generated once, kept in an owner-only file and never logged.
 *
 * <p>Layout of {@code home}: {@code pg/} is the data directory, {@code secrets/} holds the
 * generated secrets. A kept {@code home} restarts with its data. See D002.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String SUPERUSER = "postgres";
    /** The major version of the bundled binaries (zonky's default resource). */
    public static final int MAJOR = 18;

    /** Servers started in this JVM by port, so that tests can inspect a region's server as its superuser. */
    private static final java.util.Map<Integer, EmbeddedPostgresServer> STARTED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path home;
    private final String superuserSecret;
    private final int port;
    private EmbeddedPostgres postgres;
    private boolean running = true;

    private EmbeddedPostgresServer(Path home, EmbeddedPostgres postgres, String superuserSecret) {
        this.home = home;
        this.postgres = postgres;
        this.superuserSecret = superuserSecret;
        this.port = postgres.getPort();
    }

    /**
     * Starts (initialising on first use) the server kept in {@code home}.
     *
     * @param port a fixed port, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path home, int port) {
        try {
            Path dataDir = home.resolve("pg");
            Files.createDirectories(home);
            SecretStore secrets = new SecretStore(home.resolve("secrets"));
            String secret = secrets.getOrCreate("superuser");
            // initdb reads the superuser password from this file; it exists only while initdb runs.
            Path pwfile = home.resolve("secrets").resolve("initdb-pwfile");
            Files.deleteIfExists(pwfile);
            Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwfile, secret + "\n", StandardCharsets.UTF_8);
            try {
                EmbeddedPostgres pg = builder(dataDir, secret, port).setLocaleConfig("pwfile", pwfile.toString()).start();
                log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data in {})", pg.getPort(), dataDir);
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, pg, secret);
                STARTED.put(server.port(), server);
                return server;
            } finally {
                Files.deleteIfExists(pwfile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server in " + home, e);
        }
    }

    /**
     * What every embedded server here shares, the platform's and the throwaway ones alike: a kept
     * data directory, loopback only, scram passwords only (pg_hba rewritten after initdb).
     */
    static EmbeddedPostgres.Builder secured(Path dataDir, String secret) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("auth", "scram-sha-256")
                .setConnectConfig("password", secret)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> requirePasswords(dir.toPath()));
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, String secret, int port) {
        EmbeddedPostgres.Builder builder = secured(dataDir, secret)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("max_connections", "200")
                // zonky turns synchronous_commit off for speed; a console's audit and data must survive a crash once
                // committed. Test runs may turn it off (-Dsextant.embedded.synchronous-commit=off, set by the build).
                .setServerConfig("synchronous_commit", System.getProperty("sextant.embedded.synchronous-commit", "on"));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /**
     * Stops the server (a fast shutdown: open connections are cut, committed data stays) and
     * keeps its data directory, so {@link #restart()} brings it back on the same port. For tests
     * that simulate a database outage.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = false;
        log.info("Embedded PostgreSQL on 127.0.0.1:{} stopped", port);
    }

    /** Starts the server again on the same port and data directory after {@link #stop()}; does nothing while it runs. */
    public synchronized void restart() {
        if (running) {
            return;
        }
        try {
            postgres = builder(home.resolve("pg"), superuserSecret, port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart the embedded PostgreSQL server in " + home, e);
        }
        running = true;
        log.info("Embedded PostgreSQL on 127.0.0.1:{} started again", port);
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** Rewrites pg_hba.conf so that every connection must present a scram-sha-256 password. */
    static void requirePasswords(Path dataDir) {
        List<String> lines = List.of(
                "# Written by Sextant: loopback only, passwords only (scram-sha-256).",
                "local   all   all                 scram-sha-256",
                "host    all   all   127.0.0.1/32  scram-sha-256",
                "host    all   all   ::1/128       scram-sha-256");
        try {
            Files.write(dataDir.resolve("pg_hba.conf"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The embedded server this JVM started on that loopback port, if any. */
    public static java.util.Optional<EmbeddedPostgresServer> onPort(int port) {
        return java.util.Optional.ofNullable(STARTED.get(port));
    }

    public Path home() {
        return home;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A data source logging in as the superuser, for bootstrap only. */
    public PGSimpleDataSource superuserDataSource(String database) {
        return dataSource(database, SUPERUSER, superuserSecret);
    }

    public PGSimpleDataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** Whether the server lets that user in with that password (wrong ones must be refused). */
    public boolean acceptsLogin(String user, String password) {
        try (Connection ignored = dataSource("postgres", user, password).getConnection()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The secret store beside the data directory (shared with {@link DatabaseBootstrap}). */
    public SecretStore secrets() {
        return new SecretStore(home.resolve("secrets"));
    }

    @Override
    public void close() {
        stop();
    }
}
