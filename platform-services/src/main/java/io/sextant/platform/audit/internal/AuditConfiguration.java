package io.sextant.platform.audit.internal;

import io.sextant.database.KeySealer;
import io.sextant.database.spring.PlatformDatabaseEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The audit module's infrastructure: its properties, a UTC clock unless the application has one,
 * scheduling for checkpoints and method security for its {@code @PreAuthorize} services.
 *
 * <p>{@code @EnableMethodSecurity} is here because nothing in the platform enables it yet and the
 * audit services must not run unprotected. Enabling it a second time elsewhere (e.g. in the
 * console's security configuration) is harmless: Spring imports the same configuration class once
 * and Spring Security registers each advisor only if it is absent (a test proves it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
@EnableMethodSecurity
class AuditConfiguration {

    /** Who may read the audit log and run verification or checkpoints. */
    static final String READERS = "hasAnyRole('COMPLIANCE','SECURITY_ADMIN')";

    /** Readers, or an operator reading the trail of one change request (shown on the review board). */
    static final String READERS_OR_CHANGE_TRAIL = READERS
            + " or (hasRole('OPERATOR') and #filter.targetType() == 'change' and #filter.targetId() != null)";

    /**
     * Seals the private keys the platform stores (this module's checkpoint key, the identity
     * provider's signing keys) with a key kept in an owner-only file outside the database. Defined
     * here because audit is the module every other one may depend on.
     */
    @Bean
    KeySealer keySealer(Environment env) {
        String file = env.getProperty(PlatformDatabaseEnvironment.KEY_FILE);
        return KeySealer.at(Path.of(file == null ? ".sextant/secrets/key-encryption.secret" : file));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
