package io.sextant.platform.tenancy;

import java.util.UUID;

/**
 * A test hook: when a bean of this type exists, provisioning calls it after each step's work and
 * before the step is recorded done, the worst moment for a crash. Throwing fails the step. There
 * is no bean in production.
 */
public interface FaultInjector {

    void afterWork(ProvisioningStep step, UUID projectId);
}
