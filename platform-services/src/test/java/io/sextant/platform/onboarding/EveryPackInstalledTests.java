package io.sextant.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.PolicyPack.Rule;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.ProvisioningService;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.Tenants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A tenant holding several kinds of sensitive data gets the rules of every pack that applies, not
 * only the strictest pack's. The expected rules per data class are restated here, apart from the code.
 */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class EveryPackInstalledTests {

    private static final Map<DataClass, Set<Rule>> RULES_PER_DATA = Map.of(
            DataClass.PERSONAL, EnumSet.of(Rule.EVENTS_APPEND_ONLY),
            DataClass.HEALTH, EnumSet.of(Rule.EVENTS_APPEND_ONLY, Rule.NO_PUBLIC_DOCUMENTS),
            DataClass.PAYMENT, EnumSet.of(Rule.EVENTS_APPEND_ONLY, Rule.PAYMENT_DOCUMENTS_IMMUTABLE));

    private final OnboardingRules rules = new OnboardingRules(PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);

    @Autowired
    OrganizationService orgs;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    RegionServers regions;

    private static Intent holding(Set<DataClass> data) {
        return new Intent(Building.B2B_SAAS, EndUsers.BUSINESS_CUSTOMERS, data, Residency.EU, Scale.SMALL, Recovery.DAILY_BACKUPS);
    }

    @Test
    void everyCombinationOfDataInstallsTheRulesOfEveryPackThatApplies() {
        for (var data : Answers.dataSubsets()) {
            var expected = EnumSet.noneOf(Rule.class);
            data.forEach(d -> expected.addAll(RULES_PER_DATA.get(d)));
            var installed = TenancyPacks.of(rules.derive(holding(data), Overrides.NONE).policyPacks().value());
            var got = EnumSet.noneOf(Rule.class);
            got.addAll(installed.rules());
            assertThat(got).as("%s -> %s", data, installed).isEqualTo(expected);
        }
    }

    @Test
    void aTenantWithPaymentAndHealthDataIsProvisionedWithBothPacksRules() throws SQLException {
        var setup = rules.derive(holding(Set.of(DataClass.PAYMENT, DataClass.HEALTH)), Overrides.NONE);
        assertThat(setup.isReady()).as(String.valueOf(setup.conflicts())).isTrue();
        var org = orgs.create(Tenants.unique("org"), "Clinic billing", setup.plan().value().code());
        var request = new TenantRequest(org.slug(), null, Tenants.unique("p"), "Clinic billing",
                holding(Set.of(DataClass.PAYMENT, DataClass.HEALTH)), Overrides.NONE);
        var r = provisioning.apply(OnboardingFlow.spec(request, setup), UUID.randomUUID().toString(), ProvisioningListener.NONE);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ProvisioningResult.Status.SUCCEEDED);
        var c = r.credentials();

        // two restrictive policies per rule: append-only events, no public documents, immutable payment documents
        try (Connection owner = regions.owner(c.region(), c.database())) {
            assertThat(count(owner, "select count(*) from pg_policy where not polpermissive and polname like 'rule\\_%'")).isEqualTo(6);
        }
        try (Connection tenant = regions.connectAs(c.region(), c.database(), c.role(), c.password());
                Statement st = tenant.createStatement()) {
            st.executeUpdate("insert into app.document (title, classification) values ('card batch', 'payment')");
            st.executeUpdate("insert into app.event_log (kind) values ('signed-in')");
            assertThat(st.executeUpdate("delete from app.document where classification = 'payment'")).as("payment rule").isZero();
            assertThat(st.executeUpdate("delete from app.event_log")).as("personal-data rule").isZero();
            assertThatThrownBy(() -> st.executeUpdate("insert into app.document (title, classification) values ('leaflet', 'public')"))
                    .as("health rule").hasMessageContaining("row-level security");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
