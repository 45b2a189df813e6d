package io.sextant.platform.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a project's data actually is: one finding per region server, identified by the server's
 * own {@code system_identifier}. Compliant iff only the pinned region's server holds anything of it.
 */
public record ResidencyReport(UUID checkId, UUID projectId, String pinnedRegion, Instant checkedAt, boolean compliant,
        List<Finding> findings, List<String> violations) {

    /** What one server holds of the project. {@code rows} counts its rows in the shared tables. */
    public record Finding(String region, String systemIdentifier, boolean role, boolean database, boolean tenantKey, long rows,
            boolean reachable) {

        public boolean holdsAnything() {
            return role || database || tenantKey || rows > 0;
        }

        /** What it holds, in words (never "tenant key=false"): e.g. "its login role, 3 rows", or "nothing of it". */
        public String holdings() {
            List<String> parts = new java.util.ArrayList<>();
            if (role) {
                parts.add("its login role");
            }
            if (database) {
                parts.add("its database");
            }
            if (tenantKey) {
                parts.add("its tenant key");
            }
            if (rows > 0) {
                parts.add(rows + (rows == 1 ? " row" : " rows"));
            }
            return parts.isEmpty() ? "nothing of it" : String.join(", ", parts);
        }
    }
}
