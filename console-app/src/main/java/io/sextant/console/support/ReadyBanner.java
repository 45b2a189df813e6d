package io.sextant.console.support;

import io.sextant.platform.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the console is once it serves. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final IdentityProperties identity;
    private final Environment env;

    ReadyBanner(IdentityProperties identity, Environment env) {
        this.identity = identity;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String database = env.getProperty("sextant.embedded.effective-directory");
        log.info("Sextant is ready at {}/ (database: {})", identity.consoleBaseUrl(),
                database == null ? io.sextant.database.JdbcUrls.redact(env.getProperty("sextant.database.effective-url"))
                        : "embedded PostgreSQL in " + database);
    }
}
