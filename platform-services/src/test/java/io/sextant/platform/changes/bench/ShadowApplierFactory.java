package io.sextant.platform.changes.bench;

import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowApplier;

/** Builds the shadow applier without Spring, for the benchmark. */
final class ShadowApplierFactory {

    private ShadowApplierFactory() {
    }

    static ShadowApplier create(ChangeTargets targets, MigrationLinter linter) {
        return io.sextant.platform.changes.internal.BenchAccess.shadowApplier(targets, linter);
    }
}
