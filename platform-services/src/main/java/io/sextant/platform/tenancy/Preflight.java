package io.sextant.platform.tenancy;

import java.util.List;

/** The checklist preflight returns; nothing is created by it. {@link #ok()} iff no check FAILED. */
public record Preflight(List<Check> checks) {

    public enum Outcome { PASSED, FAILED, NOT_CHECKED }

    /** @param item a stable id (e.g. {@code name-free}); {@code detail} says why, in words for a person */
    public record Check(String item, Outcome outcome, String detail) {
    }

    public boolean ok() {
        return checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED);
    }
}
