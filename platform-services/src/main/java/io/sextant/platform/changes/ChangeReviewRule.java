package io.sextant.platform.changes;

import java.util.List;

/**
 * A rule another capability adds to the board's check (a Spring bean), for what only it knows
 * about its targets: tenancy refuses a shared-tenant table without the tenant key. It reads what
 * the shadow apply did ({@link StatementMeasurement#catalogChanges()}); every line it returns
 * blocks the change (FAILED, with the line among the reasons). A rule that throws blocks too:
 * the check fails closed.
 */
public interface ChangeReviewRule {

    /** @return one line per reason to refuse the change on {@code target}; empty if it may proceed */
    List<String> refusals(ChangeTarget target, ShadowReport shadow);
}
