package io.sextant.platform.tenancy;

import java.sql.Connection;
import java.util.Set;

/**
 * The PostgreSQL server of each configured region. Connections are the region's owner role (never
 * a superuser), except {@link #connectAs}, which logs in as a tenant. Every connection attempt
 * gives up after about three seconds with a {@link RegionUnreachableException} naming the region
 * and its (redacted) URL, so an unreachable region never hangs a caller.
 */
public interface RegionServers {

    /** The configured region codes, sorted. */
    Set<String> regions();

    boolean isKnown(String region);

    /** A pooled owner connection to the region's platform database (the one holding the shared schema). */
    Connection owner(String region);

    /** An owner connection to another database of that region's server (a dedicated tenant database). */
    Connection owner(String region, String database);

    /** A fresh connection logged in as {@code user}; used to prove what a tenant session can do. */
    Connection connectAs(String region, String database, String user, String password);

    /** The name of the region's platform database (where the shared tenant schema lives). */
    String platformDatabase(String region);

    /** The region's JDBC URL for that database, with any password redacted: safe to show. */
    String displayUrl(String region, String database);

    /** The server's own {@code system_identifier} (from {@code pg_control_system()}), read now. */
    String systemIdentifier(String region);

    /** Throws {@link RegionUnreachableException} unless the region's server answers now. */
    void requireReachable(String region);
}
