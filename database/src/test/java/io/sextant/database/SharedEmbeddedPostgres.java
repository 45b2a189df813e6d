package io.sextant.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One secured embedded PostgreSQL server per test JVM, started on first use in a temporary
 * directory, bootstrapped with the platform roles, and stopped (its directory removed) when the
 * JVM exits. Test classes share it and stay independent by working in databases of their own.
 */
final class SharedEmbeddedPostgres {

    record Shared(EmbeddedPostgresServer server, DatabaseCredentials credentials) {
    }

    private static Shared shared;

    private SharedEmbeddedPostgres() {
    }

    static synchronized Shared get() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("sextant-db-test");
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0);
                DatabaseCredentials credentials = DatabaseBootstrap.bootstrap(server);
                shared = new Shared(server, credentials);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteRecursively(home);
                }, "sextant-test-db-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static EmbeddedPostgresServer server() {
        return get().server();
    }

    static DatabaseCredentials credentials() {
        return get().credentials();
    }

    /** Creates an empty database owned by the platform owner role and returns its name. */
    static String createFreshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = server().superuserDataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name + " owner " + DatabaseBootstrap.OWNER_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return name;
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort at JVM exit
                }
            });
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
