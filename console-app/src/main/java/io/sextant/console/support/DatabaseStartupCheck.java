package io.sextant.console.support;

import io.sextant.database.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Before migrating, makes sure the configured database can be reached, and otherwise stops
 * start-up with one clear sentence that names the URL (never its password) and what to check.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseStartupCheck {

    @Bean
    FlywayMigrationStrategy checkedMigration(Environment env) {
        return flyway -> {
            String url = env.getProperty("spring.flyway.url");
            Properties p = new Properties();
            p.setProperty("user", env.getProperty("spring.flyway.user", ""));
            p.setProperty("password", env.getProperty("spring.flyway.password", ""));
            p.setProperty("connectTimeout", "5");
            try (Connection ignored = DriverManager.getConnection(url, p)) {
                // reachable and the owner role can log in
            } catch (SQLException e) {
                throw new DatabaseUnreachableException(url, e);
            }
            flyway.migrate();
        };
    }

    /** Start-up stops here when PostgreSQL cannot be reached or refuses the login. */
    public static final class DatabaseUnreachableException extends IllegalStateException {
        DatabaseUnreachableException(String url, SQLException cause) {
            super("Cannot connect to PostgreSQL at " + JdbcUrls.redact(url) + ": " + cause.getMessage()
                    + " — check sextant.database.url, the owner role's credentials and that the server is running.");
        }
    }
}
