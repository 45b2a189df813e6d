package io.sextant.platform.tenancy;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How an apply or resume ended. On success by this call, {@code credentials} holds the tenant's
 * secrets — shown once, never stored in clear; a repeated apply of a finished run returns none.
 * On failure, {@code failedStep} and {@code error} say what to fix before {@code resume}.
 */
public record ProvisioningResult(UUID projectId, UUID runId, Status status, @Nullable ProvisioningStep failedStep,
        @Nullable String error, @Nullable TenantCredentials credentials) {

    public enum Status { SUCCEEDED, FAILED, ALREADY_SUCCEEDED, IN_PROGRESS }

    /** The tenant's secrets. {@link #toString()} never shows them. */
    public record TenantCredentials(String region, String database, String role, String password, String anonKey, String serviceKey) {
        @Override
        public String toString() {
            return "TenantCredentials[" + region + "/" + database + ", role=" + role + "]";
        }
    }
}
