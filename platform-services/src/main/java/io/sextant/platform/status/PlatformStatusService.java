package io.sextant.platform.status;

import io.sextant.platform.identity.ConsoleSessionService;
import io.sextant.platform.identity.OperatorService;
import io.sextant.platform.tenancy.TenancyQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads the platform's real state; a database that does not answer is reported, not hidden. */
@Service
public class PlatformStatusService {

    private final DSLContext dsl;
    private final TenancyQuery tenancy;
    private final OperatorService operators;
    private final ConsoleSessionService sessions;
    private final Clock clock;

    PlatformStatusService(DSLContext dsl, TenancyQuery tenancy, OperatorService operators, ConsoleSessionService sessions, Clock clock) {
        this.dsl = dsl;
        this.tenancy = tenancy;
        this.operators = operators;
        this.sessions = sessions;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public PlatformStatus status() {
        Instant now = clock.instant();
        try {
            Server server = server();
            List<PlatformStatus.AppliedMigration> migrations = dsl.resultQuery(
                            "select version, description, installed_on, success from public.flyway_schema_history "
                                    + "where version is not null order by installed_rank")
                    .fetch(r -> new PlatformStatus.AppliedMigration(r.get(0, String.class), r.get(1, String.class),
                            r.get(2, java.sql.Timestamp.class).toInstant(), r.get(3, Boolean.class)));
            var counts = tenancy.counts();
            return new PlatformStatus(now, true, server.version(), server.size(), server.roundTrip(), migrations,
                    counts.organizations(), counts.projects(), operators.count(), sessions.openCount(), null);
        } catch (DataAccessException e) {
            return new PlatformStatus(now, false, null, null, null, List.of(), 0, 0, 0, 0,
                    "The database did not answer: " + rootMessage(e));
        }
    }

    /** The database's health and schema version only: constant cost, whatever the platform holds. */
    @PreAuthorize("isAuthenticated()")
    public DatabaseHealth health() {
        Instant now = clock.instant();
        try {
            Server server = server();
            var latest = dsl.resultQuery("select version, success from public.flyway_schema_history "
                    + "where version is not null order by installed_rank desc limit 1").fetchOptional();
            return new DatabaseHealth(now, true, server.version(), server.size(), server.roundTrip(),
                    latest.map(r -> r.get(0, String.class)).orElse(null), latest.map(r -> !r.get(1, Boolean.class)).orElse(false), null);
        } catch (DataAccessException e) {
            return new DatabaseHealth(now, false, null, null, null, null, false, "The database did not answer: " + rootMessage(e));
        }
    }

    private record Server(String version, String size, Duration roundTrip) {
    }

    /** The server's version and the database's size; the time this first query took is the round trip shown. */
    private Server server() {
        long t0 = System.nanoTime();
        var r = dsl.select(DSL.field("current_setting('server_version')", String.class),
                DSL.field("pg_size_pretty(pg_database_size(current_database()))", String.class)).fetchSingle();
        return new Server("PostgreSQL " + r.value1(), r.value2(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
