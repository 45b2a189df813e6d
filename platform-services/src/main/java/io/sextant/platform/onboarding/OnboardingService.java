package io.sextant.platform.onboarding;

import static io.sextant.jooq.control_plane.Tables.PLAN;
import static io.sextant.jooq.control_plane.Tables.REGION;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the onboarding rules against the live catalogue: plans from {@code control_plane.plan},
 * enabled regions from {@code control_plane.region} (mirrored from configuration at start-up).
 * Reads the catalogue on every call, so a plan or region change shows in the next derivation.
 */
@Service
public class OnboardingService {

    private final DSLContext dsl;

    OnboardingService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Derives a setup for the answers and edits; see {@link OnboardingRules#derive}.
     *
     * @throws IllegalStateException if no region is enabled (the platform is not configured)
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional(readOnly = true)
    public DerivedSetup derive(Intent intent, Overrides overrides) {
        return rules().derive(intent, overrides);
    }

    /** The rules over the current catalogue, for callers that derive repeatedly while a user edits. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional(readOnly = true)
    public OnboardingRules rules() {
        var regions = regions();
        if (regions.isEmpty()) {
            throw new IllegalStateException("no region is enabled; configure sextant.regions");
        }
        return new OnboardingRules(plans(), regions);
    }

    private List<PlanTerms> plans() {
        return dsl.selectFrom(PLAN).orderBy(PLAN.RANK).fetch(p -> new PlanTerms(
                p.getPlanCode(), p.getDisplayName(), p.getRank(),
                Arrays.stream(p.getAllowedIsolation()).map(IsolationModel::of).collect(Collectors.toSet()),
                Arrays.stream(p.getAllowedDataClasses()).map(DataClass::of).collect(Collectors.toSet()),
                p.getRegionPinning(), p.getPointInTimeRecovery(), p.getAuditRetentionDays(),
                p.getRowLimit(), p.getApiCallsPerDay()));
    }

    private List<RegionTerms> regions() {
        return dsl.select(REGION.REGION_CODE, REGION.DISPLAY_NAME, REGION.JURISDICTION)
                .from(REGION).where(REGION.ENABLED.isTrue()).orderBy(REGION.REGION_CODE)
                .fetch(r -> new RegionTerms(r.value1(), r.value2(), r.value3()));
    }
}
