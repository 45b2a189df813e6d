package io.sextant.platform.onboarding;

import java.util.Set;

/**
 * Maps the derived policy packs onto the one pack tenancy installs. Tenancy's packs are nested
 * (health and payment each include the personal-data rules), so the strictest applies; a tenant
 * holding both payment and health data gets the health pack (recorded as a known gap in D007).
 */
final class TenancyPacks {

    private TenancyPacks() {
    }

    static io.sextant.platform.tenancy.PolicyPack of(Set<PolicyPack> packs) {
        if (packs.contains(PolicyPack.HEALTH)) {
            return io.sextant.platform.tenancy.PolicyPack.HEALTH;
        }
        if (packs.contains(PolicyPack.PAYMENT)) {
            return io.sextant.platform.tenancy.PolicyPack.PAYMENT;
        }
        if (packs.contains(PolicyPack.PERSONAL_DATA)) {
            return io.sextant.platform.tenancy.PolicyPack.PERSONAL_DATA;
        }
        return io.sextant.platform.tenancy.PolicyPack.BASELINE;
    }
}
