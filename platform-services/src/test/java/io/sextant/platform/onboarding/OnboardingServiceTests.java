package io.sextant.platform.onboarding;

import static io.sextant.jooq.control_plane.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.DataClass;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service reads the real catalogue. Platform tests configure no regions, so the test inserts
 * the two default ones in its own transaction, which is rolled back afterwards.
 */
@PlatformTest
@Transactional
class OnboardingServiceTests {

    @Autowired
    OnboardingService service;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void regions() {
        for (var r : RegionTerms.DEFAULTS) {
            dsl.insertInto(REGION)
                    .set(REGION.REGION_CODE, r.code()).set(REGION.DISPLAY_NAME, r.displayName())
                    .set(REGION.JURISDICTION, r.jurisdiction()).set(REGION.ENABLED, true)
                    .set(REGION.UPDATED_AT, OffsetDateTime.parse("2026-01-01T00:00:00Z"))
                    .onConflict(REGION.REGION_CODE).doUpdate()
                    .set(REGION.DISPLAY_NAME, r.displayName())
                    .set(REGION.JURISDICTION, r.jurisdiction()).set(REGION.ENABLED, true)
                    .execute();
        }
    }

    @Test
    @WithMockUser(username = "olivia", roles = "OPERATOR")
    void derivesFromTheDatabaseCatalogueWhichMatchesTheDocumentedDefaults() {
        var rules = service.rules();
        assertThat(rules.plans()).isEqualTo(PlanTerms.DEFAULTS);
        assertThat(rules.regions()).containsAll(RegionTerms.DEFAULTS);

        var intent = new Intent(Building.B2B_SAAS, EndUsers.BUSINESS_CUSTOMERS, Set.of(DataClass.PERSONAL),
                Residency.EU, Scale.MEDIUM, Recovery.DAILY_BACKUPS);
        var setup = service.derive(intent, Overrides.NONE);
        assertThat(setup.isReady()).isTrue();
        assertThat(setup.plan().value().code()).isEqualTo("pro");
        assertThat(setup.region().value().code()).isEqualTo("eu-central");
        assertThat(service.derive(intent, Overrides.NONE.withRegion("us-east")).conflicts())
                .extracting(Conflict::ruleId).containsExactly("REG-C2");
    }

    @Test
    @WithMockUser(username = "sam", roles = "SECURITY_ADMIN")
    void onlyOperatorsMayDerive() {
        assertThatThrownBy(() -> service.derive(Intent.DEFAULT, Overrides.NONE)).isInstanceOf(AccessDeniedException.class);
    }
}
