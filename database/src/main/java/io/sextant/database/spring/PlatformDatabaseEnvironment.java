package io.sextant.database.spring;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.DatabaseCredentials;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, which PostgreSQL the console uses and with which roles.
 *
 * <p>With {@code sextant.database.url} set, that server is used: migrations run as
 * {@code sextant.database.owner-username}, the runtime pool logs in as
 * {@code sextant.database.app-username}. Without it, an embedded PostgreSQL 18 is started (once
 * per JVM and directory) in {@code sextant.embedded.directory} — {@code ephemeral} means a fresh
 * temporary directory, {@code ephemeral:<name>} a fresh temporary directory of its own per name
 * (a test context that needs a database of its own) — on {@code sextant.embedded.port} (0: any free port), and its roles and
 * secrets are created on first start. See docs/decisions/D002-embedded-database.md.
 *
 * <p>The properties it contributes carry secrets; they live in this process only and are never
 * logged (Spring's property sources are not printed).
 */
public class PlatformDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "sextantPlatformDatabase";
    /** The owner-only file holding the key that seals private keys stored in the database ({@code KeySealer}). */
    public static final String KEY_FILE = "sextant.key-encryption.key-file";
    private static final Map<String, Running> SERVERS = new ConcurrentHashMap<>();

    record Running(EmbeddedPostgresServer server, DatabaseCredentials credentials) {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        DatabaseCredentials db;
        Map<String, Object> props = new HashMap<>();
        String url = env.getProperty("sextant.database.url");
        if (url != null && !url.isBlank()) {
            db = new DatabaseCredentials(url,
                    env.getProperty("sextant.database.owner-username", DatabaseBootstrap.OWNER_ROLE),
                    env.getProperty("sextant.database.owner-password", ""),
                    env.getProperty("sextant.database.app-username", DatabaseBootstrap.APP_ROLE),
                    env.getProperty("sextant.database.app-password", ""));
        } else {
            String dir = env.getProperty("sextant.embedded.directory", ".sextant");
            int port = env.getProperty("sextant.embedded.port", Integer.class, 54329);
            Running running = SERVERS.computeIfAbsent(dir + ":" + port, k -> startEmbedded(dir, port));
            db = running.credentials();
            if (env.getProperty("sextant.identity.console-client-secret") == null) {
                // The console's secret at its own built-in identity provider, kept beside the database secrets.
                props.put("sextant.identity.console-client-secret", running.server().secrets().getOrCreate("console-client"));
            }
            props.put("sextant.embedded.effective-directory", running.server().home().toString());
            if (env.getProperty(KEY_FILE) == null) {
                // Beside the database's own secrets, never inside the data directory.
                props.put(KEY_FILE, running.server().home().resolve("secrets").resolve("key-encryption.secret").toString());
            }
        }
        if (env.getProperty(KEY_FILE) == null && !props.containsKey(KEY_FILE)) {
            props.put(KEY_FILE, Path.of(".sextant", "secrets", "key-encryption.secret").toAbsolutePath().toString());
        }
        props.put("spring.datasource.url", db.url());
        props.put("spring.datasource.username", db.appUser());
        props.put("spring.datasource.password", db.appPassword());
        props.put("spring.datasource.hikari.schema", "security");
        props.put("spring.flyway.url", db.url());
        props.put("spring.flyway.user", db.ownerUser());
        props.put("spring.flyway.password", db.ownerPassword());
        props.put("spring.flyway.locations", Migrations.LOCATION);
        Migrations.placeholders(db.appUser()).forEach((k, v) -> props.put("spring.flyway.placeholders." + k, v));
        props.put("sextant.database.effective-url", db.url());
        props.put("sextant.database.effective-owner-username", db.ownerUser());
        props.put("sextant.database.effective-app-username", db.appUser());
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
    }

    private static Running startEmbedded(String dir, int port) {
        Path home;
        try {
            home = isEphemeral(dir) ? Files.createTempDirectory("sextant-db") : Path.of(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        return new Running(server, DatabaseBootstrap.bootstrap(server));
    }

    /** {@code ephemeral} or {@code ephemeral:<name>}: a fresh temporary directory, once per JVM and name. */
    static boolean isEphemeral(String dir) {
        return "ephemeral".equals(dir) || dir.startsWith("ephemeral:");
    }

    /**
     * The embedded server this JVM started, if it started exactly one (tests use it to stop and
     * restart it). With several, ask by directory: {@link #embeddedServer(Path)}.
     */
    public static EmbeddedPostgresServer embeddedServer() {
        if (SERVERS.size() != 1) {
            throw new IllegalStateException(SERVERS.isEmpty() ? "No embedded PostgreSQL was started in this JVM"
                    : "Several embedded PostgreSQL servers run in this JVM; ask for one by its directory");
        }
        return SERVERS.values().iterator().next().server();
    }

    /** The embedded server this JVM started in that directory ({@code sextant.embedded.effective-directory}). */
    public static EmbeddedPostgresServer embeddedServer(Path home) {
        return SERVERS.values().stream().map(Running::server).filter(s -> s.home().equals(home)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No embedded PostgreSQL runs in " + home));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
