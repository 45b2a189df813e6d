package io.sextant.platform.tenancy;

/** Progress of an apply, for a UI: called on the applying thread, in step order. */
public interface ProvisioningListener {

    ProvisioningListener NONE = new ProvisioningListener() {
    };

    default void started(ProvisioningStep step) {
    }

    /** @param skipped the step was already done by an earlier attempt (never on a fresh run) */
    default void finished(ProvisioningStep step, boolean skipped) {
    }
}
