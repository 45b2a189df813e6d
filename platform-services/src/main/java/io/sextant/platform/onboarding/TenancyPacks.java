package io.sextant.platform.onboarding;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the derived policy packs onto the pack tenancy installs: the one holding every rule of
 * every derived pack (payment and health together get both packs' rules, not just the strictest).
 */
final class TenancyPacks {

    private TenancyPacks() {
    }

    static io.sextant.platform.tenancy.PolicyPack of(Set<PolicyPack> packs) {
        return io.sextant.platform.tenancy.PolicyPack.covering(packs.stream().map(TenancyPacks::of).collect(Collectors.toSet()));
    }

    static io.sextant.platform.tenancy.PolicyPack of(PolicyPack pack) {
        return switch (pack) {
            case BASELINE -> io.sextant.platform.tenancy.PolicyPack.BASELINE;
            case PERSONAL_DATA -> io.sextant.platform.tenancy.PolicyPack.PERSONAL_DATA;
            case PAYMENT -> io.sextant.platform.tenancy.PolicyPack.PAYMENT;
            case HEALTH -> io.sextant.platform.tenancy.PolicyPack.HEALTH;
        };
    }
}
