package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.Preflight;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The derived setup and the checklist that must pass before apply: the setup's conflicts, the
 * organisation step, the plan's limits and the tenancy preflight (names, region, extensions, dry run).
 * {@code planChange} is set when the tenant would move an existing organisation to a higher plan: it
 * fails the checklist (check {@code plan-change}) until the request confirms that plan.
 */
public record OnboardingPreflight(DerivedSetup setup, List<Preflight.Check> checks, @Nullable PlanChange planChange) {

    public OnboardingPreflight {
        checks = List.copyOf(checks);
    }

    public OnboardingPreflight(DerivedSetup setup, List<Preflight.Check> checks) {
        this(setup, checks, null);
    }

    /** True when nothing failed (NOT_CHECKED items say what could not be rehearsed). */
    public boolean ok() {
        return checks.stream().noneMatch(c -> c.outcome() == Preflight.Outcome.FAILED);
    }
}
