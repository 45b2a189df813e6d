package io.sextant.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flyway chain in {@code migrations} (db/migration on the classpath): well named, contiguous,
 * applies to an empty database, is idempotent and has stable checksums. Every test migrates a
 * database of its own, created empty on the shared embedded server.
 */
class MigrationChainTest {

    private static final Pattern FILE_NAME = Pattern.compile("V(0\\d{3})__[a-z0-9]+(?:_[a-z0-9]+)*\\.sql");
    private static final List<String> SCHEMAS =
            List.of("control_plane", "authz", "security", "ledger", "telemetry", "vedic", "ops");

    private static List<String> files;

    @BeforeAll
    static void listMigrationFiles() throws Exception {
        files = migrationFileNames();
    }

    @Test
    void theChainIsNotEmpty() {
        assertThat(files).isNotEmpty();
    }

    @Test
    void everyMigrationFileIsNamedV0NNNWithALowerSnakeDescription() {
        assertThat(files).allSatisfy(name -> assertThat(name).matches(FILE_NAME));
    }

    @Test
    void versionsAreUniqueAndContiguousFromOne() {
        List<Integer> versions = files.stream().map(MigrationChainTest::versionOf).sorted().toList();
        assertThat(new HashSet<>(versions)).as("unique versions").hasSameSizeAs(versions);
        assertThat(versions).as("contiguous from 1")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }

    @Test
    void flywayResolvesEveryMigrationFileAndNothingElse() {
        Flyway flyway = flyway(freshOwnerDataSource());
        List<String> resolved = Stream.of(flyway.info().pending()).map(MigrationInfo::getScript).toList();
        assertThat(resolved).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyMigrationAppliesInOrderOnAnEmptyDatabase() {
        Flyway flyway = flyway(freshOwnerDataSource());
        assertThat(flyway.info().applied()).isEmpty();

        MigrateResult result = flyway.migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(files.size());
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).hasSize(files.size())
                .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(Stream.of(applied).map(m -> Integer.parseInt(m.getVersion().getVersion())).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, files.size()).boxed().toList());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void aSecondMigrateExecutesNothing() {
        DataSource ds = freshOwnerDataSource();
        assertThat(flyway(ds).migrate().migrationsExecuted).isEqualTo(files.size());

        MigrateResult again = flyway(ds).migrate();

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(flyway(ds).info().applied()).hasSize(files.size());
    }

    @Test
    void checksumsAreStableAcrossFlywayInstancesAndValidatePasses() throws SQLException {
        DataSource ds = freshOwnerDataSource();
        Map<String, Integer> first = checksums(flyway(ds).info().pending());
        Map<String, Integer> second = checksums(flyway(ds).info().pending());
        assertThat(first).hasSize(files.size()).doesNotContainValue(null).isEqualTo(second);

        flyway(ds).migrate();

        Flyway another = flyway(ds);
        assertThat(checksums(another.info().applied())).isEqualTo(first);
        assertThat(recordedChecksums(ds)).isEqualTo(first);
        ValidateResult validation = another.validateWithResult();
        assertThat(validation.validationSuccessful).as("validate: %s", validation.invalidMigrations).isTrue();
        assertThatCode(another::validate).doesNotThrowAnyException();
    }

    @Test
    void allSevenSchemasExistAfterMigrating() throws SQLException {
        DataSource ds = freshOwnerDataSource();
        flyway(ds).migrate();

        Set<String> present = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select nspname from pg_namespace")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        assertThat(present).containsAll(SCHEMAS);
    }

    private static Flyway flyway(DataSource ownerDataSource) {
        return Migrations.configure(ownerDataSource, DatabaseBootstrap.APP_ROLE).load();
    }

    private static DataSource freshOwnerDataSource() {
        String db = SharedEmbeddedPostgres.createFreshDatabase("migration_chain");
        DatabaseCredentials creds = SharedEmbeddedPostgres.credentials();
        return SharedEmbeddedPostgres.server().dataSource(db, creds.ownerUser(), creds.ownerPassword());
    }

    private static Map<String, Integer> checksums(MigrationInfo[] infos) {
        Map<String, Integer> out = new TreeMap<>();
        for (MigrationInfo m : infos) {
            out.put(m.getVersion().getVersion(), m.getChecksum());
        }
        return out;
    }

    private static Map<String, Integer> recordedChecksums(DataSource ds) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select version, checksum from flyway_schema_history where version is not null")) {
            while (rs.next()) {
                out.put(rs.getString(1), (Integer) rs.getObject(2));
            }
        }
        return out;
    }

    private static int versionOf(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        assertThat(m.matches()).as("%s follows V0NNN__lower_snake.sql", fileName).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Every file in db/migration on the classpath, whether the module is a directory or a jar. */
    private static List<String> migrationFileNames() throws IOException, URISyntaxException {
        String location = Migrations.LOCATION.substring("classpath:".length());
        List<String> names = new ArrayList<>();
        Enumeration<URL> roots = MigrationChainTest.class.getClassLoader().getResources(location);
        for (URL root : Collections.list(roots)) {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    names.addAll(list(jar.getPath(location)));
                }
            } else {
                names.addAll(list(Path.of(uri)));
            }
        }
        return names;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
