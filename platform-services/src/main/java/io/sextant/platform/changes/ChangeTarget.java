package io.sextant.platform.changes;

import java.util.List;

/**
 * A database that schema changes are applied to, reachable by JDBC as a role that owns its
 * objects. The platform's own database is the first kind; the tenancy capability adds "a dedicated
 * tenant's database" and "the shared tenant tables of a region" through a {@link ChangeTargetProvider}.
 * Checks only read the target (read-only sessions); shadows run on a throwaway server of their own,
 * never on the target's (D008), so the owner role needs no CREATEDB for them.
 */
public interface ChangeTarget {

    /** Stable id, e.g. {@code platform} or {@code tenant-db:acme-prod}. */
    String targetId();

    /** e.g. {@code platform-database}, {@code tenant-database}, {@code shared-tenant-tables}. */
    String kind();

    String displayName();

    JdbcEndpoint endpoint();

    /** The namespaces a change may touch: the scope of snapshots, shadows, drift. */
    List<String> schemas();

    /** Namespaces that tenants or APIs reach; post-apply advisors require RLS with a policy on every table there. */
    List<String> exposedSchemas();

    /** Blast radius: how many tenants a change to this target affects (weighed in the risk). */
    int tenantsAffected();

    /**
     * The {@code search_path} every statement of a change runs with, set explicitly on the session
     * in the shadow, each calibration size, the rollback round trip and the apply (D008): the
     * exposed schemas, then the other schemas of the target, in the order listed. Unqualified
     * names resolve there ({@code pg_catalog} is searched first implicitly), and an unqualified
     * CREATE lands in the first one, so nothing a change creates falls outside the board's scope.
     */
    default List<String> searchPath() {
        java.util.LinkedHashSet<String> path = new java.util.LinkedHashSet<>(exposedSchemas());
        path.addAll(schemas());
        return List.copyOf(path);
    }
}
