package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.DifferentialHarness.Case;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * Explanations are sound, on generated policies and requests (no database needed): the rules an
 * explanation cites really decided (removing them changes the outcome whenever the outcome depended
 * on them), and the smallest change it suggests really flips the decision.
 */
class ExplanationSoundnessTest {

    @Property(tries = 3000)
    void citedRulesDecideAndSuggestedChangesFlip(@ForAll("cases") Case k) {
        Policy policy = PolicyParser.parse(k.policy(), List.of(DifferentialHarness.ITEM));
        CompiledPolicy compiled = CompiledPolicy.of(policy);
        Principal principal = DifferentialHarness.principal(k);
        for (Map<String, @Nullable Object> row : k.rows()) {
            for (String action : List.of("select", "update")) {
                DecisionRequest r = new DecisionRequest(null, principal, action, "item", row, k.context());
                DecisionTrace t = compiled.trace(r, UUID.randomUUID(), TraceKind.SIMULATION, null, Instant.EPOCH);
                Explanation e = Explainer.explain(compiled, t);
                boolean permitMatched = t.rules().stream().anyMatch(o -> o.ruleEffect().equals("permit") && o.matched());
                Statistics.label("effect").collect(t.effect() + (e.decidedBy().isEmpty() ? " by default" : " by rule"));
                if (!e.decidedBy().isEmpty() && (t.effect() == Effect.ALLOW || permitMatched)) {
                    Policy without = policy;
                    for (String rule : e.decidedBy()) {
                        without = without.without(rule);
                    }
                    assertThat(CompiledPolicy.of(without).decide(r)).as("removing %s from%s", e.decidedBy(), k).isNotEqualTo(t.effect());
                }
                if (!e.changedInputs().isEmpty()) {
                    Statistics.label("smallest change size").collect(e.changedInputs().size());
                    assertThat(compiled.decide(Explainer.apply(r, e.changedInputs()))).as("change %s for%s", e.changedInputs(), k)
                            .isNotEqualTo(t.effect());
                } else {
                    Statistics.label("smallest change size").collect("none found");
                }
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return DifferentialCases.cases();
    }
}
