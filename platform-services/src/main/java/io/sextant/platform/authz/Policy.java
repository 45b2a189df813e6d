package io.sextant.platform.authz;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and checked policy: declared custom claims, rules in source order, the canonical text
 * (formatting and comments removed) and its SHA-256 hash, which identifies the version.
 */
public record Policy(Map<String, ValueType> claims, List<PolicyRule> rules, String canonical, String hash) {

    public Optional<PolicyRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The same policy without one rule (what explanations use to show a rule really decided). */
    public Policy without(String ruleName) {
        List<PolicyRule> rest = rules.stream().filter(r -> !r.name().equals(ruleName)).toList();
        return PolicyParser.assemble(claims, rest);
    }
}
