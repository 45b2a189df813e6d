package io.sextant.console.api;

import io.sextant.platform.onboarding.DerivedSetup;
import io.sextant.platform.onboarding.OnboardingFlow;
import io.sextant.platform.onboarding.OnboardingPreflight;
import io.sextant.platform.onboarding.TenantRequest;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.ProvisioningService;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/onboarding}: an intent in, a derived setup with a reason for every item out;
 * preflight (creates nothing); apply (idempotent per {@code Idempotency-Key}: repeating a request
 * returns the same tenant); resume a failed run. Only operators may call it.
 */
@RestController
@RequestMapping("/api/v1/onboarding")
class OnboardingApi {

    private final OnboardingFlow flow;
    private final ProvisioningService provisioning;

    OnboardingApi(OnboardingFlow flow, ProvisioningService provisioning) {
        this.flow = flow;
        this.provisioning = provisioning;
    }

    @PostMapping("/derive")
    DerivedSetup derive(@RequestBody TenantRequest request) {
        return flow.derive(request);
    }

    @PostMapping("/preflight")
    OnboardingPreflight preflight(@RequestBody TenantRequest request) {
        return flow.preflight(request);
    }

    @PostMapping("/apply")
    ProvisioningResult apply(@RequestBody TenantRequest request, @RequestHeader("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("Send an Idempotency-Key header of 1 to 200 characters.");
        }
        return flow.apply(request, idempotencyKey, ProvisioningListener.NONE);
    }

    @PostMapping("/runs/{runId}/resume")
    ProvisioningResult resume(@PathVariable UUID runId) {
        return provisioning.resume(runId, ProvisioningListener.NONE);
    }
}
