package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.DifferentialHarness.Case;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.sextant.platform.testing.prop.PropertyCheck;
import io.sextant.platform.testing.prop.Stats;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * Explanations are sound, on generated policies and requests (no database needed): the rules an
 * explanation cites really decided (removing them changes the outcome whenever the outcome depended
 * on them), and the smallest change it suggests really flips the decision.
 */
class ExplanationSoundnessTest {

    @Test
    void citedRulesDecideAndSuggestedChangesFlip() {
        Stats stats = new Stats();
        PropertyCheck.check("explanations are sound", DifferentialCases.cases(), stats, Duration.ofSeconds(30), 3000,
                PropertyCheck.seed("sextant.explanations.seed"), k -> sound(k, stats));
        assertThat(stats.count("smallest change size", 1)).isPositive();
        assertThat(stats.count("effect", "DENY by rule")).isPositive();
    }

    private static void sound(Case k, Stats stats) {
        Policy policy = PolicyParser.parse(k.policy(), List.of(DifferentialHarness.ITEM));
        CompiledPolicy compiled = CompiledPolicy.of(policy);
        Principal principal = DifferentialHarness.principal(k);
        for (Map<String, @Nullable Object> row : k.rows()) {
            for (String action : List.of("select", "update")) {
                DecisionRequest r = new DecisionRequest(null, principal, action, "item", row, k.context());
                DecisionTrace t = compiled.trace(r, UUID.randomUUID(), TraceKind.SIMULATION, null, Instant.EPOCH);
                Explanation e = Explainer.explain(compiled, t);
                boolean permitMatched = t.rules().stream().anyMatch(o -> o.ruleEffect().equals("permit") && o.matched());
                stats.collect("effect", t.effect() + (e.decidedBy().isEmpty() ? " by default" : " by rule"));
                if (!e.decidedBy().isEmpty() && (t.effect() == Effect.ALLOW || permitMatched)) {
                    Policy without = policy;
                    for (String rule : e.decidedBy()) {
                        without = without.without(rule);
                    }
                    assertThat(CompiledPolicy.of(without).decide(r)).as("removing %s from%s", e.decidedBy(), k).isNotEqualTo(t.effect());
                }
                if (!e.changedInputs().isEmpty()) {
                    stats.collect("smallest change size", e.changedInputs().size());
                    assertThat(compiled.decide(Explainer.apply(r, e.changedInputs()))).as("change %s for%s", e.changedInputs(), k)
                            .isNotEqualTo(t.effect());
                } else {
                    stats.collect("smallest change size", "none found");
                }
            }
        }
    }
}
