package io.sextant.database;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The one Flyway configuration of the platform schema, shared by the console, tests and codegen. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static Map<String, String> placeholders(String appRole) {
        return Map.of("app_role", appRole);
    }

    public static FluentConfiguration configure(DataSource ownerDataSource, String appRole) {
        return Flyway.configure()
                .dataSource(ownerDataSource)
                .locations(LOCATION)
                .placeholders(placeholders(appRole))
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }
}
