package io.sextant.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throwaway PostgreSQL clusters of a chosen major version, each its own server process with its
 * own data directory, on a free loopback port, password-only (scram). One template data directory
 * per major is initialised on first use (initdb is the slow part) and copied for every cluster; a
 * cluster serves one caller and is stopped and deleted when closed. Used for the review board's
 * shadows, which must never run on the server of the target they check (D008).
 *
 * <p>Binaries: 18 is the one the platform itself runs on (zonky's default resource); 15, 16 and 17
 * are unpacked at build time into {@code sextant/pg-binaries/<major>/} on the class path, since
 * zonky's jars for every major share one artifact id and one resource name.
 */
public final class ThrowawayClusters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThrowawayClusters.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESOURCE = "postgres-linux-x86_64.txz";
    /** zonky caches extracted binaries per resolver instance, so there is exactly one resolver per major. */
    private static final Map<Integer, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

    private final Path root;
    private final Map<Integer, Template> templates = new ConcurrentHashMap<>();
    private final Set<Cluster> open = ConcurrentHashMap.newKeySet();
    /** Folders of every cluster being started, started ahead or handed out, and not yet closed. */
    private final Set<Path> owned = ConcurrentHashMap.newKeySet();
    /**
     * Clusters per major started ahead of need, so that a caller rarely waits for a start: a check
     * takes up to three in a row (its shadow, calibration sizes, the rollback round trip).
     */
    private final Map<Integer, java.util.concurrent.ConcurrentLinkedDeque<java.util.concurrent.Future<Cluster>>> ready = new ConcurrentHashMap<>();
    private final int ahead;
    private final java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("throwaway-postgres-starter").factory());
    private volatile boolean closed;

    private record Template(Path dataDir, String secret) {
    }

    /**
     * @param parent the directory under which this process keeps its templates and clusters (a
     *               folder of its own is made there and removed on {@link #close()}); folders left
     *               by a process that died are removed, their servers stopped
     */
    public ThrowawayClusters(Path parent) {
        this(parent, 3);
    }

    /** @param ahead how many clusters per major to keep started ahead of need once that major was asked for */
    public ThrowawayClusters(Path parent, int ahead) {
        this.ahead = ahead;
        try {
            Files.createDirectories(parent);
            sweep(parent);
            this.root = Files.createDirectory(parent.resolve(ProcessHandle.current().pid() + "-" + hex(4)),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the throwaway server directory " + parent, e);
        }
    }

    /** The majors whose binaries this build carries. */
    public static List<Integer> majors() {
        return Stream.of(15, 16, 17, 18).filter(ThrowawayClusters::hasBinaries).toList();
    }

    public static boolean hasBinaries(int major) {
        return binary(major).isPresent();
    }

    private static Optional<String> binary(int major) {
        String path = major == EmbeddedPostgresServer.MAJOR ? RESOURCE : "sextant/pg-binaries/" + major + "/" + RESOURCE;
        return ThrowawayClusters.class.getClassLoader().getResource(path) == null ? Optional.empty() : Optional.of(path);
    }

    static PgBinaryResolver resolver(int major) {
        return RESOLVERS.computeIfAbsent(major, m -> {
            String path = binary(m).orElseThrow(() -> new IllegalArgumentException(
                    "This build carries no PostgreSQL " + m + " binaries (it has " + majors() + ")"));
            return (system, machine) -> {
                InputStream in = ThrowawayClusters.class.getClassLoader().getResourceAsStream(path);
                if (in == null) {
                    throw new IOException("Missing resource " + path);
                }
                return in;
            };
        });
    }

    /**
     * A fresh cluster of {@code major} from its template (initialised on first use): the one
     * started ahead for this major if it is ready and alive, else a new one; either way the next
     * one is started ahead in the background.
     */
    public Cluster start(int major) {
        resolver(major); // refuses a major this build has no binaries for, before anything is made
        Cluster c = null;
        var queue = ready.computeIfAbsent(major, m -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        java.util.concurrent.Future<Cluster> started = queue.pollFirst();
        if (started != null) {
            try {
                c = started.get();
                if (!c.isRunning()) {
                    c.close();
                    c = null;
                }
            } catch (Exception e) {
                c = null; // the ahead start failed: start one now, which reports why
            }
        }
        if (c == null) {
            c = startNow(major);
        }
        open.add(c);
        while (!closed && queue.size() < ahead) {
            queue.addLast(starter.submit(() -> startNow(major)));
        }
        return c;
    }

    /**
     * Initialises {@code major}'s template and starts its servers ahead, in the background, so that
     * even the first check of a process finds them ready. The returned future completes when the
     * template exists.
     */
    public java.util.concurrent.Future<?> prepare(int major) {
        resolver(major);
        var queue = ready.computeIfAbsent(major, m -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        java.util.concurrent.Future<?> template = starter.submit(() -> templates.computeIfAbsent(major, this::initTemplate));
        while (!closed && queue.size() < ahead) {
            queue.addLast(starter.submit(() -> startNow(major)));
        }
        return template;
    }

    private Cluster startNow(int major) {
        Template t = templates.computeIfAbsent(major, this::initTemplate);
        Path dir = root.resolve("c-" + major + "-" + hex(6));
        owned.add(dir);
        try {
            copyTree(t.dataDir(), dir.resolve("pg"));
            EmbeddedPostgres pg = builder(major, dir.resolve("pg"), t.secret()).start();
            return new Cluster(this, major, pg, dir, t.secret());
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            owned.remove(dir);
            throw new IllegalStateException("Cannot start a throwaway PostgreSQL " + major + " server: " + e.getMessage(), e);
        }
    }

    private Template initTemplate(int major) {
        Path dir = root.resolve("template-" + major);
        String secret = hex(24);
        try {
            Files.createDirectories(dir);
            Path pwfile = dir.resolve("pwfile");
            Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwfile, secret + "\n", StandardCharsets.UTF_8);
            try (EmbeddedPostgres ignored = builder(major, dir.resolve("pg"), secret)
                    .setLocaleConfig("pwfile", pwfile.toString()).start()) {
                log.info("Initialised a PostgreSQL {} template for throwaway servers", major);
            } finally {
                Files.deleteIfExists(pwfile);
            }
            Files.deleteIfExists(dir.resolve("pg").resolve("postmaster.pid"));
            return new Template(dir.resolve("pg"), secret);
        } catch (IOException e) {
            deleteTree(dir);
            throw new UncheckedIOException("Cannot initialise a PostgreSQL " + major + " template in " + dir, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int major, Path dataDir, String secret) {
        return EmbeddedPostgresServer.secured(dataDir, secret)
                .setPgBinaryResolver(resolver(major))
                .setServerConfig("max_connections", "30")
                // Nothing here outlives the check: durability would only cost time.
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off");
    }

    /** Removes the folders of processes that are gone, stopping any server still running in them. */
    private static void sweep(Path parent) throws IOException {
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path d : dirs.toList()) {
                String name = d.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                stopLeftovers(d);
                deleteTree(d);
                log.info("Removed throwaway servers left by process {}", pid);
            }
        }
    }

    private static void stopLeftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).toList()) {
                try {
                    long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
                    ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("postgres"))
                            .ifPresent(ProcessHandle::destroy);
                } catch (IOException | RuntimeException ignored) {
                    // an unreadable pid file: nothing to stop
                }
            }
        }
    }

    /** Clusters handed out and not yet closed (a check that finished leaves none). */
    public int openClusters() {
        return open.size();
    }

    /** The folders of the clusters handed out and not yet closed. */
    public List<Path> openDirectories() {
        return open.stream().map(Cluster::directory).toList();
    }

    public Path directory() {
        return root;
    }

    /** Cluster folders on disk that belong to no cluster still starting, started ahead or open: what a closed cluster left behind. */
    public List<Path> strayDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("c-")).filter(d -> !owned.contains(d)).toList();
        }
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdown();
        for (var f : ready.values().stream().flatMap(java.util.Collection::stream).toList()) {
            try {
                f.get().close();
            } catch (Exception ignored) {
                // it never started
            }
        }
        ready.clear();
        List.copyOf(open).forEach(Cluster::close);
        deleteTree(root);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return bytes > 12 ? Base64.getUrlEncoder().withoutPadding().encodeToString(b) : HexFormat.of().formatHex(b);
    }

    /** One running throwaway server. Its bootstrap superuser is {@code postgres}; its secret never leaves this object. */
    public static final class Cluster implements AutoCloseable {
        private final ThrowawayClusters owner;
        private final int major;
        private final EmbeddedPostgres pg;
        private final Path dir;
        private final String secret;
        private volatile boolean closed;

        private final long pid;

        private Cluster(ThrowawayClusters owner, int major, EmbeddedPostgres pg, Path dir, String secret) throws IOException {
            this.owner = owner;
            this.major = major;
            this.pg = pg;
            this.dir = dir;
            this.secret = secret;
            this.pid = Long.parseLong(Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid")).getFirst().strip());
        }

        public boolean isRunning() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        public int major() {
            return major;
        }

        public int port() {
            return pg.getPort();
        }

        public Path directory() {
            return dir;
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
        }

        public PGSimpleDataSource superuser(String database) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl(database));
            ds.setUser(EmbeddedPostgresServer.SUPERUSER);
            ds.setPassword(secret);
            return ds;
        }

        /** The server's process id (for tests that kill it). */
        public long pid() {
            return pid;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                pg.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Throwaway PostgreSQL {} on port {} did not stop cleanly: {}", major, port(), e.getMessage());
            }
            // Never leave a server running without its folder.
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
            deleteTree(dir);
            owner.owned.remove(dir);
            owner.open.remove(this);
        }
    }
}
