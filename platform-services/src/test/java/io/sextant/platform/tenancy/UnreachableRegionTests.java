package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/** A region whose server does not answer: a clear preflight failure naming it, and nothing created. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
@WithMockUser(username = "olivia", roles = "OPERATOR")
@TestPropertySource(properties = {"sextant.regions.ap-south.display-name=AP South", "sextant.regions.ap-south.jurisdiction=APAC",
        "sextant.regions.ap-south.url=jdbc:postgresql://127.0.0.1:9/sextant?password=hunter2", "sextant.regions.ap-south.owner-password=hunter2"})
class UnreachableRegionTests {

    @Autowired
    Tenants tenants;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ProjectService projects;
    @Autowired
    ResidencyService residency;

    @Test
    void unreachableRegionFailsPreflightClearlyAndApplyCreatesNothing() {
        Organization org = tenants.org("team");
        var spec = new ProjectSpec(org.slug(), "far-away", "Far", "ap-south", IsolationModel.SHARED, Set.of(), PolicyPack.BASELINE);
        long start = System.nanoTime();
        Preflight pf = provisioning.preflight(spec);
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        var check = pf.checks().stream().filter(c -> c.item().equals("region-reachable")).findFirst().orElseThrow();
        assertThat(check.outcome()).isEqualTo(Preflight.Outcome.FAILED);
        assertThat(check.detail()).contains("ap-south", "127.0.0.1:9").doesNotContain("hunter2");
        assertThatThrownBy(() -> provisioning.apply(spec, UUID.randomUUID().toString(), ProvisioningListener.NONE))
                .isInstanceOf(RegionUnreachableException.class).hasMessageContaining("ap-south");
        assertThat(projects.list(org.id())).isEmpty();
    }

    @Test
    void aReachableRegionIsReportedWithoutItsConnectionUrl() {
        Organization org = tenants.org("team");
        Preflight pf = provisioning.preflight(new ProjectSpec(org.slug(), "near-by", "Near", "eu-central", IsolationModel.SHARED, Set.of(),
                PolicyPack.BASELINE));
        var check = pf.checks().stream().filter(c -> c.item().equals("region-reachable")).findFirst().orElseThrow();
        assertThat(check.outcome()).isEqualTo(Preflight.Outcome.PASSED);
        assertThat(check.detail()).isEqualTo("Region eu-central answers.").doesNotContain("jdbc:").doesNotContain("127.0.0.1");
    }

    @Test
    void residencyLogsWhyARegionCouldNotBeCheckedWithoutItsSecret(CapturedOutput output) {
        var t = tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED);
        var report = residency.check(t.projectId());
        assertThat(report.violations()).anyMatch(v -> v.contains("ap-south") && v.contains("unreachable"));
        assertThat(output.getAll()).contains("Residency probe of project " + projects.find(t.projectId()).orElseThrow().slug()
                + " on region ap-south failed: Region ap-south is unreachable at").doesNotContain("hunter2");
    }
}
