package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An explanation for a reader who may not see the tenant's rows is computed on the full inputs but
 * gives none of the row's values: not in the trace, not in the reasons, not in a suggested change
 * whose value was taken from the row (here: "only principal X may do this", X being the row's owner).
 */
class ExplanationMaskingTest {

    static final UUID T = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    static final String PLANTED = "owner-planted-7f3a";

    private static final CompiledPolicy POLICY = CompiledPolicy.of(PolicyParser.parse("""
            rule owners: permit update on item when resource.owner == principal.id and resource.amount < 100;
            rule open: permit select on item when resource.status == "open";
            """, List.of(DifferentialHarness.ITEM)));

    private static DecisionTrace denied() {
        DecisionRequest r = new DecisionRequest("r1", new Principal("u1", "member", T, Map.of()), "update", "item",
                Map.of("tenant_id", T.toString(), "owner", PLANTED, "status", "closed", "amount", new BigDecimal("73.25")),
                RequestContext.at(Instant.EPOCH));
        return POLICY.trace(r, UUID.randomUUID(), TraceKind.LIVE, T, Instant.EPOCH);
    }

    @Test
    void theCompleteExplanationNamesTheRowsOwner() {
        Explanation e = Explainer.explain(POLICY, denied(), TraceInputs.COMPLETE);
        assertThat(e.changedInputs()).containsEntry("principal.id", PLANTED);
        assertThat(e.smallestChange()).anySatisfy(w -> assertThat(w).contains(PLANTED));
        assertThat(e.reasons()).anySatisfy(w -> assertThat(w).contains(PLANTED));
    }

    @Test
    void aMaskedExplanationGivesNoRowValueButKeepsItsShape() {
        DecisionTrace t = denied();
        Explanation e = Explainer.explain(POLICY, t, TraceInputs.ROW_VALUES_MASKED);
        assertThat(e.toString()).doesNotContain(PLANTED).doesNotContain("73.25").doesNotContain("closed");
        assertThat(e.inputs()).isEqualTo(TraceInputs.ROW_VALUES_MASKED);
        assertThat(e.changedInputs()).containsEntry("principal.id", TraceMask.MASKED);
        assertThat(e.smallestChange()).containsExactly("only principal " + TraceMask.MASKED + " may do this (the row's owner)");
        assertThat(e.trace().resource()).containsOnlyKeys("amount", "owner", "status", "tenant_id")
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(TraceMask.MASKED));
        assertThat(e.trace().principal()).containsEntry("id", "u1");
        assertThat(e.reasons()).anySatisfy(w -> assertThat(w).contains("resource.owner = " + TraceMask.MASKED).contains("principal.id = u1"));
        // the same decision, the same words otherwise
        Explanation full = Explainer.explain(POLICY, t, TraceInputs.COMPLETE);
        assertThat(e.summary()).isEqualTo(full.summary());
        assertThat(e.decidedBy()).isEqualTo(full.decidedBy());
    }
}
