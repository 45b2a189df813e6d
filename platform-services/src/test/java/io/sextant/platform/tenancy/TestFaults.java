package io.sextant.platform.tenancy;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** The test's fault hook: fails the armed step once, then disarms. */
@Component
public class TestFaults implements FaultInjector {

    private volatile ProvisioningStep armed;

    public void failOnce(ProvisioningStep step) {
        armed = step;
    }

    @Override
    public void afterWork(ProvisioningStep step, UUID projectId) {
        if (step == armed) {
            armed = null;
            throw new IllegalStateException("injected fault at " + step);
        }
    }
}
