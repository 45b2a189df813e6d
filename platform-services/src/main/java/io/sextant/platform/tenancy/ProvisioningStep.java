package io.sextant.platform.tenancy;

/** The steps of provisioning a project, in order; each is recorded in {@code control_plane.provisioning_step}. */
public enum ProvisioningStep {
    /** The project row and the run, after the plan's limits are checked. */
    RESERVE,
    /** The tenant's login role {@code t_<12 hex>} on the region server. */
    CREATE_ROLE,
    /** Shared: the region's shared schema and tenant_base membership. Dedicated: the tenant's own database. */
    STORAGE,
    /** Shared: the role → tenant key mapping. Dedicated: the starter-kit tables with their policies. */
    TENANT_KEY,
    /** The policy pack's restrictive rules. */
    POLICY_PACK,
    /** Password and API keys. Secrets are shown once and never stored, so each attempt issues fresh ones. */
    CREDENTIALS,
    /** Logs in as the tenant and proves it sees only its own rows. */
    VERIFY,
    /** Marks the project active. */
    ACTIVATE
}
