package io.sextant.platform.changes;

import org.jspecify.annotations.Nullable;

/**
 * A change as its target's queue sees it.
 *
 * @param change      the change; its {@link ChangeRequest#sequence()} is its place in the queue
 * @param version     the version it applied as (applied), or will apply as if every change ahead of it applies
 *                    first (still in line); null for rejected and abandoned changes, which are out of the line
 * @param waiting     why it does not apply now, in a sentence ("waiting for approval", "behind change X",
 *                    "target held: …"); null when it is applied, abandoned, or ready to apply
 */
public record QueuedChange(ChangeRequest change, @Nullable Integer version, @Nullable String waiting) {

    /** Whether {@link #version()} is fixed (the change applied) rather than a projection. */
    public boolean versionFixed() {
        return change.appliedVersion() != null;
    }
}
