package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class BadInputTests {

    @Autowired
    Tenants tenants;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    OrganizationService orgs;
    @Autowired
    ProjectService projects;

    private ProjectSpec spec(Organization org, String slug, String region, IsolationModel iso, Set<DataClass> data) {
        return new ProjectSpec(org.slug(), slug, "Name", region, iso, data, PolicyPack.BASELINE);
    }

    @Test
    void duplicateNamesAreRefusedAndADoubleSubmitYieldsOneTenant() {
        Organization org = tenants.org("team");
        String key = UUID.randomUUID().toString();
        var first = provisioning.apply(spec(org, "dup-name", "eu-central", IsolationModel.SHARED, Set.of()), key, ProvisioningListener.NONE);
        var again = provisioning.apply(spec(org, "dup-name", "eu-central", IsolationModel.SHARED, Set.of()), key, ProvisioningListener.NONE);
        assertThat(again.projectId()).isEqualTo(first.projectId());
        assertThat(again.status()).isEqualTo(ProvisioningResult.Status.ALREADY_SUCCEEDED);
        assertThat(projects.list(org.id())).hasSize(1);
        assertThatThrownBy(() -> provisioning.apply(spec(org, "dup-name", "eu-central", IsolationModel.SHARED, Set.of()),
                UUID.randomUUID().toString(), ProvisioningListener.NONE))
                .isInstanceOf(TenancyConflictException.class).hasMessageContaining("already exists");
    }

    @Test
    void invalidNamesAndUnknownRegionsAreRefusedClearly() {
        Organization org = tenants.org("team");
        assertThatThrownBy(() -> spec(org, "Bad_Name!", "eu-central", IsolationModel.SHARED, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
        var unknown = spec(org, "somewhere", "mars-north", IsolationModel.SHARED, Set.of());
        assertThat(provisioning.preflight(unknown).checks()).anyMatch(c -> c.item().equals("region-known") && c.outcome() == Preflight.Outcome.FAILED);
        assertThatThrownBy(() -> provisioning.apply(unknown, UUID.randomUUID().toString(), ProvisioningListener.NONE))
                .isInstanceOf(TenancyConflictException.class).hasMessageContaining("Unknown region mars-north");
    }

    @Test
    void aPlanThatForbidsTheChoiceGivesAnActionableConflictAndPreflightCreatesNothing() {
        Organization org = tenants.org("pro");
        var health = spec(org, "clinic", "eu-central", IsolationModel.DEDICATED, Set.of(DataClass.HEALTH));
        String before = tenants.footprint("eu-central");
        Preflight pf = provisioning.preflight(health);
        assertThat(pf.ok()).isFalse();
        assertThat(pf.checks()).anyMatch(c -> c.detail().contains("does not allow health data: choose plan Enterprise"));
        assertThat(pf.checks()).anyMatch(c -> c.item().equals("create-database") && c.outcome() == Preflight.Outcome.NOT_CHECKED);
        assertThat(tenants.footprint("eu-central")).isEqualTo(before);
        assertThatThrownBy(() -> provisioning.apply(health, UUID.randomUUID().toString(), ProvisioningListener.NONE))
                .isInstanceOf(TenancyConflictException.class).hasMessageContaining("dedicated isolation: choose plan Team");
        assertThat(projects.list(org.id())).isEmpty();
        assertThat(provisioning.preflight(spec(org, "fine", "eu-central", IsolationModel.SHARED, Set.of(DataClass.PERSONAL))).ok()).isTrue();
    }

    @Test
    void downgradingBelowWhatAProjectUsesIsRefusedAndConcurrentEditsConflict() {
        Organization org = tenants.org("team");
        tenants.provision(org, "us-east", IsolationModel.DEDICATED);
        assertThatThrownBy(() -> orgs.changePlan(org.id(), org.version(), "pro"))
                .isInstanceOf(TenancyConflictException.class).hasMessageContaining("dedicated isolation");
        Organization renamed = orgs.rename(org.id(), org.version(), "Renamed by Ana");
        assertThatThrownBy(() -> orgs.rename(org.id(), org.version(), "Renamed by Ben"))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("changed by someone else");
        assertThat(orgs.find(org.slug()).orElseThrow().name()).isEqualTo("Renamed by Ana");
        assertThat(orgs.changePlan(org.id(), renamed.version(), "enterprise").planCode()).isEqualTo("enterprise");
    }

    @Test
    @WithMockUser(username = "sam", roles = "SUPPORT")
    void supportMayReadButNotProvision() {
        assertThat(orgs.list()).isNotNull();
        assertThatThrownBy(() -> orgs.create("nope-org", "Nope", "free")).isInstanceOf(AccessDeniedException.class);
    }
}
