package io.sextant.platform.tenancy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named set of extra row-level rules applied to a tenant on top of tenant isolation. Each rule
 * is a restrictive policy, so a pack can only ever narrow what the tenant may do.
 */
public enum PolicyPack {
    /** Tenant isolation only. */
    BASELINE(List.of()),
    /** Personal data: the event log is append-only (an access trail the tenant cannot rewrite). */
    PERSONAL_DATA(List.of(Rule.EVENTS_APPEND_ONLY)),
    /** Health data: as personal data, and no document may be classified public. */
    HEALTH(List.of(Rule.EVENTS_APPEND_ONLY, Rule.NO_PUBLIC_DOCUMENTS)),
    /** Payment data: as personal data, and payment documents can be neither changed nor deleted. */
    PAYMENT(List.of(Rule.EVENTS_APPEND_ONLY, Rule.PAYMENT_DOCUMENTS_IMMUTABLE)),
    /**
     * Health and payment data together: every rule of both. A project stores one pack, so the
     * union of packs is a pack of its own; {@link #covering} picks it.
     */
    HEALTH_AND_PAYMENT(List.of(Rule.EVENTS_APPEND_ONLY, Rule.NO_PUBLIC_DOCUMENTS, Rule.PAYMENT_DOCUMENTS_IMMUTABLE));

    /** One restrictive rule; {@link #code()} is what the region server stores. */
    public enum Rule {
        EVENTS_APPEND_ONLY, NO_PUBLIC_DOCUMENTS, PAYMENT_DOCUMENTS_IMMUTABLE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final List<Rule> rules;

    PolicyPack(List<Rule> rules) {
        this.rules = rules;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The stored name, e.g. {@code personal-data}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PolicyPack of(String code) {
        for (PolicyPack p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown policy pack " + code + "; known: "
                + List.of(values()).stream().map(PolicyPack::code).collect(Collectors.joining(", ")));
    }

    /**
     * The pack that installs every rule of every given pack and nothing more, so a tenant holding
     * several kinds of sensitive data gets all the packs that apply rather than the strictest one.
     */
    public static PolicyPack covering(Collection<PolicyPack> packs) {
        var wanted = EnumSet.noneOf(Rule.class);
        packs.forEach(p -> wanted.addAll(p.rules()));
        for (PolicyPack p : values()) {
            var has = EnumSet.noneOf(Rule.class);
            has.addAll(p.rules());
            if (has.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("No policy pack installs exactly the rules " + wanted + " of " + packs);
    }
}
