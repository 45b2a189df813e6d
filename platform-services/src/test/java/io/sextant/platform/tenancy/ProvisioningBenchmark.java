package io.sextant.platform.tenancy;

import io.sextant.platform.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** bench/provisioning/run.sh: wall time of apply → tenant ready, per isolation model (not part of the suite). */
@PlatformTest
@WithMockUser(username = "bench", roles = "OPERATOR")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ProvisioningBenchmark {

    @Autowired
    Tenants tenants;
    @Autowired
    ProvisioningService provisioning;

    @Test
    void measure() {
        int runs = Integer.getInteger("bench.runs", 7);
        Organization org = tenants.orgs.create(Tenants.unique("bench"), "Bench", "enterprise");
        tenants.provision(org, "eu-central", IsolationModel.SHARED); // warm-up: installs the shared schema, JIT
        for (IsolationModel iso : IsolationModel.values()) {
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                var spec = new ProjectSpec(org.slug(), Tenants.unique("b"), "Bench", "eu-central", iso, Set.of(), PolicyPack.PERSONAL_DATA);
                long t0 = System.nanoTime();
                var r = provisioning.apply(spec, UUID.randomUUID().toString(), ProvisioningListener.NONE);
                ms.add((System.nanoTime() - t0) / 1_000_000);
                if (r.status() != ProvisioningResult.Status.SUCCEEDED) {
                    throw new IllegalStateException(r.error());
                }
            }
            List<Long> sorted = ms.stream().sorted().toList();
            System.out.printf("BENCH provisioning %s: runs=%d median=%d ms max=%d ms all=%s%n", iso, runs, sorted.get(runs / 2), sorted.getLast(), ms);
        }
    }
}
