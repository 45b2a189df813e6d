package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargetProvider;
import io.sextant.platform.changes.DatabaseTarget;
import io.sextant.platform.changes.JdbcEndpoint;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The platform's own database as target {@code platform}, reached as the migration owner role. */
@Component
class PlatformDatabaseTargetProvider implements ChangeTargetProvider {

    static final String ID = "platform";
    private static final List<String> SCHEMAS = List.of("control_plane", "authz", "security", "ledger", "telemetry", "vedic", "ops");

    private final Environment env;

    PlatformDatabaseTargetProvider(Environment env) {
        this.env = env;
    }

    @Override
    public Optional<ChangeTarget> find(String targetId) {
        return ID.equals(targetId) ? Optional.of(target()) : Optional.empty();
    }

    @Override
    public List<ChangeTarget> list() {
        return List.of(target());
    }

    private ChangeTarget target() {
        JdbcEndpoint ep = JdbcEndpoint.parse(env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", ""));
        // The platform database has no tenant-exposed schema; tenancy adds targets that do.
        return new DatabaseTarget(ID, "platform-database", "Platform database", ep, SCHEMAS, List.of(), 0);
    }
}
