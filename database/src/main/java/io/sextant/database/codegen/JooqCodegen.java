package io.sextant.database.codegen;

import io.sextant.database.DatabaseBootstrap;
import io.sextant.database.DatabaseCredentials;
import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.database.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time jOOQ generation from the real migrations: starts a throwaway embedded PostgreSQL,
 * applies the Flyway chain and runs jOOQ's generator against it (no DDLDatabase, which cannot
 * read row-level security, policies or functions).
 *
 * <p>Arguments: target directory, target package.
 */
public final class JooqCodegen {

    static final List<String> SCHEMAS =
            List.of("control_plane", "authz", "security", "ledger", "telemetry", "vedic", "ops");

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String packageName = args[1];
        Path home = Files.createTempDirectory("sextant-codegen");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0)) {
            DatabaseCredentials db = DatabaseBootstrap.bootstrap(server);
            Migrations.configure(server.dataSource(DatabaseBootstrap.DATABASE, db.ownerUser(), db.ownerPassword()),
                    db.appUser()).load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(db.url())
                            .withUser(db.ownerUser())
                            .withPassword(db.ownerPassword()))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withSchemata(SCHEMAS.stream().map(s -> new SchemaMappingType().withInputSchema(s)).toList())
                                    .withExcludes("flyway_schema_history|pg_stat_statements.*"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(target.toString())
                                    .withClean(true))));
        } finally {
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
