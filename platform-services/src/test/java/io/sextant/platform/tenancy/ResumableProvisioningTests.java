package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** A fault at each step, then a retry with the same key, ends in exactly one complete tenant and no leftovers. */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class ResumableProvisioningTests {

    @Autowired
    Tenants tenants;
    @Autowired
    TestFaults faults;
    @Autowired
    ProvisioningService provisioning;
    @Autowired
    ProjectService projects;

    @ParameterizedTest
    @EnumSource(ProvisioningStep.class)
    void faultAtEachStepThenRetryYieldsOneCompleteTenant(ProvisioningStep step) {
        for (IsolationModel isolation : IsolationModel.values()) {
            Organization org = tenants.org("team");
            String before = tenants.footprint("eu-central");
            var spec = new ProjectSpec(org.slug(), Tenants.unique("p"), "Resumed", "eu-central", isolation, Set.of(), PolicyPack.PAYMENT);
            String key = UUID.randomUUID().toString();
            faults.failOnce(step);
            try {
                var failed = provisioning.apply(spec, key, ProvisioningListener.NONE);
                assertThat(failed.status()).isEqualTo(ProvisioningResult.Status.FAILED);
                assertThat(failed.failedStep()).isEqualTo(step);
                assertThat(projects.find(failed.projectId()).orElseThrow().status()).isEqualTo("failed");
            } catch (IllegalStateException reserveFault) {
                assertThat(step).isEqualTo(ProvisioningStep.RESERVE); // rolled back with its transaction: nothing exists
                assertThat(tenants.footprint("eu-central")).isEqualTo(before);
            }
            var skipped = new java.util.ArrayList<ProvisioningStep>();
            var done = provisioning.apply(spec, key, new ProvisioningListener() {
                @Override
                public void finished(ProvisioningStep s, boolean wasSkipped) {
                    if (wasSkipped) {
                        skipped.add(s);
                    }
                }
            });
            assertThat(done.status()).isEqualTo(ProvisioningResult.Status.SUCCEEDED);
            assertThat(skipped).as("a resumed run skips what the failed attempt did (credentials are issued again)")
                    .containsExactlyElementsOf(java.util.Arrays.stream(ProvisioningStep.values())
                            .filter(s -> step != ProvisioningStep.RESERVE && s.ordinal() < step.ordinal() && s != ProvisioningStep.CREDENTIALS).toList());
            assertThat(projects.find(done.projectId()).orElseThrow().status()).isEqualTo("active");
            assertThat(projects.list(org.id())).hasSize(1);
            int dedicated = isolation == IsolationModel.DEDICATED ? 1 : 0;
            assertThat(tenants.footprint("eu-central")).isEqualTo(expected(before, 1, dedicated, isolation));
            assertThat(provisioning.apply(spec, key, ProvisioningListener.NONE).status()).isEqualTo(ProvisioningResult.Status.ALREADY_SUCCEEDED);
            assertThat(tenants.footprint("eu-central")).isEqualTo(expected(before, 1, dedicated, isolation));
        }
    }

    /** The footprint after one more tenant: one role, a database if dedicated, a tenant key if shared. */
    private static String expected(String before, int roles, int databases, IsolationModel isolation) {
        String[] p = before.split(", ");
        long r = Long.parseLong(p[0].split(" ")[0]) + roles;
        long d = Long.parseLong(p[1].split(" ")[0]) + databases;
        long k = Long.parseLong(p[3].split(" ")[0]) + (isolation == IsolationModel.SHARED ? 1 : 0);
        return r + " roles, " + d + " databases, " + p[2] + ", " + k + " keys";
    }

    @Test
    void progressIsReportedStepByStep() {
        Organization org = tenants.org("team");
        var seen = new java.util.ArrayList<ProvisioningStep>();
        var skipped = new java.util.ArrayList<ProvisioningStep>();
        var r = provisioning.apply(new ProjectSpec(org.slug(), Tenants.unique("p"), "Watched", "us-east", IsolationModel.SHARED,
                Set.of(), PolicyPack.BASELINE), UUID.randomUUID().toString(), new ProvisioningListener() {
                    @Override
                    public void finished(ProvisioningStep step, boolean wasSkipped) {
                        seen.add(step);
                        if (wasSkipped) {
                            skipped.add(step);
                        }
                    }
                });
        assertThat(r.status()).isEqualTo(ProvisioningResult.Status.SUCCEEDED);
        assertThat(seen).containsExactly(ProvisioningStep.values());
        assertThat(skipped).as("a fresh run did every step itself: nothing reads \"(already done)\"").isEmpty();
    }
}
