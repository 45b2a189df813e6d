package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowApplier;

/** The shadow applier outside Spring, for bench/shadow (no state, so constructing one is cheap). */
public final class BenchAccess {

    private BenchAccess() {
    }

    public static ShadowApplier shadowApplier(ChangeTargets targets, MigrationLinter linter) {
        return new ShadowApplierService(targets, linter);
    }
}
