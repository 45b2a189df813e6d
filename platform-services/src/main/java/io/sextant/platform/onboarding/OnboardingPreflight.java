package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.Preflight;
import java.util.List;

/**
 * The derived setup and the checklist that must pass before apply: the setup's conflicts, the
 * organisation step, the plan's limits and the tenancy preflight (names, region, extensions, dry run).
 */
public record OnboardingPreflight(DerivedSetup setup, List<Preflight.Check> checks) {

    public OnboardingPreflight {
        checks = List.copyOf(checks);
    }

    /** True when nothing failed (NOT_CHECKED items say what could not be rehearsed). */
    public boolean ok() {
        return checks.stream().noneMatch(c -> c.outcome() == Preflight.Outcome.FAILED);
    }
}
