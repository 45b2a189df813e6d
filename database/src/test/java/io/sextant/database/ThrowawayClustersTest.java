package io.sextant.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throwaway servers of every major this build carries: right version, password-only, gone when closed. */
class ThrowawayClustersTest {

    @TempDir
    Path dir;

    @Test
    void everyCarriedMajorStartsFromItsTemplateAndLeavesNothingWhenClosed() throws Exception {
        assertThat(ThrowawayClusters.majors()).containsExactly(15, 16, 17, 18);
        try (ThrowawayClusters clusters = new ThrowawayClusters(dir, 0)) {
            for (int major : ThrowawayClusters.majors()) {
                Path data;
                try (ThrowawayClusters.Cluster c = clusters.start(major);
                     Connection conn = c.superuser("postgres").getConnection(); Statement st = conn.createStatement();
                     ResultSet r = st.executeQuery("select current_setting('server_version_num')::int / 10000, "
                             + "(select count(*) from pg_roles where rolname !~ '^pg_')")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(major);
                    assertThat(r.getInt(2)).as("only the bootstrap superuser").isEqualTo(1);
                    data = c.directory();
                    assertThat(clusters.openClusters()).isEqualTo(1);
                    assertThat(EmbeddedPostgresServerAccess.acceptsPassword(c, "wrong")).isFalse();
                }
                assertThat(data).doesNotExist();
                assertThat(clusters.openClusters()).isZero();
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).as("the process folder is removed on close").isEmpty();
        }
    }

    @Test
    void clustersStartedAheadAreHandedOutAndReplacedAndNothingStrays() throws Exception {
        try (ThrowawayClusters clusters = new ThrowawayClusters(dir, 1)) {
            ThrowawayClusters.Cluster first = clusters.start(18);
            Path firstDir = first.directory();
            first.close();
            assertThat(firstDir).doesNotExist();
            try (ThrowawayClusters.Cluster second = clusters.start(18)) {
                assertThat(second.directory()).isNotEqualTo(firstDir);
                assertThat(second.isRunning()).isTrue();
                assertThat(clusters.openClusters()).isEqualTo(1);
                assertThat(clusters.strayDirectories()).isEmpty();
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).as("clusters started ahead are stopped and removed on close").isEmpty();
        }
    }

    @Test
    void preparingMakesTheTemplateAheadOfTheFirstStart() throws Exception {
        try (ThrowawayClusters clusters = new ThrowawayClusters(dir, 1)) {
            clusters.prepare(18).get();
            assertThat(clusters.directory().resolve("template-18").resolve("pg").resolve("PG_VERSION")).exists();
            try (ThrowawayClusters.Cluster c = clusters.start(18)) {
                assertThat(c.isRunning()).isTrue();
            }
            assertThat(clusters.strayDirectories()).isEmpty();
        }
    }

    @Test
    void aMajorWithoutBinariesIsRefusedWithTheListOfThoseThereAre() {
        try (ThrowawayClusters clusters = new ThrowawayClusters(dir, 0)) {
            assertThatThrownBy(() -> clusters.start(14)).hasMessageContaining("no PostgreSQL 14 binaries")
                    .hasMessageContaining("[15, 16, 17, 18]");
        }
    }

    @Test
    void foldersOfADeadProcessAreRemovedAtTheNextStart() throws Exception {
        Path stale = Files.createDirectories(dir.resolve("999999999-abcd").resolve("c-18-x").resolve("pg"));
        Files.writeString(stale.resolve("postmaster.pid"), "999999999\n");
        try (ThrowawayClusters ignored = new ThrowawayClusters(dir, 0)) {
            assertThat(dir.resolve("999999999-abcd")).doesNotExist();
        }
    }

    /** A login with a wrong password must be refused (scram, no trust). */
    static final class EmbeddedPostgresServerAccess {
        static boolean acceptsPassword(ThrowawayClusters.Cluster c, String password) {
            var ds = c.superuser("postgres");
            ds.setPassword(password);
            try (Connection ignored = ds.getConnection()) {
                return true;
            } catch (java.sql.SQLException e) {
                return false;
            }
        }
    }
}
