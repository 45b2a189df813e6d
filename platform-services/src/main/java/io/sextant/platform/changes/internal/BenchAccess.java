package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowApplier;

/**
 * The shadow applier outside Spring, for bench/shadow (no state, so constructing one is cheap). It
 * still checks roles: the bench sets an OPERATOR in the security context.
 */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** Makes the template and starts servers ahead, as the console does when it is ready; waits for the template. */
    public static void prepare(ShadowServers servers) throws Exception {
        servers.prepareAndWait(io.sextant.database.EmbeddedPostgresServer.MAJOR);
    }

    /** Shadow servers kept under {@code directory} (close them when done). */
    public static ShadowServers shadowServers(java.nio.file.Path directory) {
        return new ShadowServers(directory);
    }

    public static ShadowApplier shadowApplier(ChangeTargets targets, MigrationLinter linter, ShadowServers servers) {
        return new ShadowApplierService(targets, linter, new BoardGate(new io.sextant.platform.audit.AuditLog() {
            @Override
            public long append(io.sextant.platform.audit.AuditEntry entry) {
                throw new IllegalStateException("the bench writes no audit events");
            }

            @Override
            public long appendRefusal(io.sextant.platform.audit.AuditEntry entry) {
                throw new IllegalStateException("the bench runs as an operator: " + entry);
            }
        }), servers);
    }
}
