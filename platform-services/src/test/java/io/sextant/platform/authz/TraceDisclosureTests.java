package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.authz.Simulation.Command;
import io.sextant.platform.authz.Simulation.Request;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Traces never hand a tenant's row values to a person who may not see that tenant's rows (D009, the
 * simulator's rule): recent decisions, an explanation by id and an explained request, as each
 * console role, against a value planted in a health tenant's row. Unmasked reads are audited;
 * purged inputs leave a trace that still verifies.
 */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class TraceDisclosureTests {

    @Autowired
    Tenants tenants;
    @Autowired
    PolicyService policies;
    @Autowired
    PolicySimulator simulator;
    @Autowired
    TraceStore store;
    @Autowired
    AuditVerifier auditVerifier;
    @Autowired
    DSLContext dsl;

    static <T> T as(String user, String role, Callable<T> work) throws Exception {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static DecisionRequest planted(UUID project, String value) {
        return new DecisionRequest(null, new Principal("u1", "member", project, Map.of()), "select", "document",
                Map.of("tenant_id", project.toString(), "title", value), RequestContext.at(Instant.parse("2026-11-26T10:00:00Z")));
    }

    private long unmaskedReads(String user) {
        return dsl.fetchCount(dsl.selectFrom("ledger.audit_event").where("action = 'authz.trace.inputs.read' and actor = ?", user));
    }

    @Test
    void onlyRolesThatMaySeeAHealthTenantsRowsReadItsTracesRowValuesAndEachSuchReadIsAudited() throws Exception {
        UUID health = tenants.provisionWithData("eu-central", IsolationModel.SHARED, DataClass.HEALTH);
        String planted = "planted-" + UUID.randomUUID();
        // a real row through the simulator (rolled back, traced) and a live decision on a row with the planted value
        as("olga", "OPERATOR", () -> simulator.simulate(new Request(health, health, "member", "u1", Map.of(), RequestContext.at(Instant.now()),
                Command.INSERT, "document", Map.of(), Map.of("title", planted, "classification", "internal"), null)));
        Decision live = as("olga", "OPERATOR", () -> policies.decide(health, planted(health, planted)));

        for (String role : List.of("OPERATOR", "SUPPORT", "COMPLIANCE", "SECURITY_ADMIN")) {
            boolean allowed = role.equals("OPERATOR") || role.equals("SECURITY_ADMIN");
            String user = "reader-" + role.toLowerCase() + "-" + UUID.randomUUID();

            List<RecordedTrace> recent = as(user, role, () -> policies.recentDecisions(health, Duration.ofDays(1), null, 100));
            assertThat(recent).as(role).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(t -> assertThat(t.inputs()).isEqualTo(allowed ? TraceInputs.COMPLETE : TraceInputs.ROW_VALUES_MASKED));
            assertThat(recent.toString().contains(planted)).as(role + " reads the planted value in recent decisions").isEqualTo(allowed);
            assertThat(recent.stream().filter(t -> t.trace().kind() == TraceKind.SIMULATION).findFirst().orElseThrow().trace().resource())
                    .as("the column names stay").containsKey("title");
            assertThat(unmaskedReads(user)).isEqualTo(allowed ? 1 : 0);

            Explanation byId = as(user, role, () -> policies.explain(live.decisionId().toString()));
            assertThat(byId.toString().contains(planted)).as(role + " reads the planted value in an explanation").isEqualTo(allowed);
            assertThat(byId.inputs()).isEqualTo(allowed ? TraceInputs.COMPLETE : TraceInputs.ROW_VALUES_MASKED);
            assertThat(byId.trace().resource().get("title")).isEqualTo(allowed ? planted : TraceMask.MASKED);
            assertThat(byId.summary()).isNotBlank();
            assertThat(unmaskedReads(user)).isEqualTo(allowed ? 2 : 0);

            Explanation asked = as(user, role, () -> policies.explain(health, planted(health, planted)));
            assertThat(asked.toString().contains(planted)).as(role + " reads the planted value in an explained request").isEqualTo(allowed);
            assertThat(unmaskedReads(user)).isEqualTo(allowed ? 3 : 0);
        }
    }

    @Test
    void supportReadsTheRowValuesOfATenantWithoutRegulatedData() throws Exception {
        UUID plain = tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED).projectId();
        String planted = "planted-" + UUID.randomUUID();
        Decision live = as("olga", "OPERATOR", () -> policies.decide(plain, planted(plain, planted)));
        Explanation e = as("sam", "SUPPORT", () -> policies.explain(live.decisionId().toString()));
        assertThat(e.inputs()).isEqualTo(TraceInputs.COMPLETE);
        assertThat(e.trace().resource()).containsEntry("title", planted);
        Explanation c = as("cora", "COMPLIANCE", () -> policies.explain(live.decisionId().toString()));
        assertThat(c.toString()).doesNotContain(planted);
    }

    @Test
    void purgedInputsLeaveATraceThatStillVerifiesAndReadsAsPurged() throws Exception {
        UUID plain = tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED).projectId();
        String planted = "planted-" + UUID.randomUUID();
        Decision live = as("olga", "OPERATOR", () -> policies.decide(plain, planted(plain, planted)));
        Decision other = as("olga", "OPERATOR", () -> policies.decide(plain, planted(plain, "kept-" + planted)));
        String id = live.decisionId().toString();

        assertThatThrownBy(() -> as("olga", "OPERATOR", () -> policies.purgeInputs(id, "erasure request 17")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("cora", "COMPLIANCE", () -> policies.purgeInputs(id, " "))).isInstanceOf(IllegalArgumentException.class);
        assertThat(as("cora", "COMPLIANCE", () -> policies.purgeInputs(id, "erasure request 17"))).isEqualTo(1);
        assertThat(as("cora", "COMPLIANCE", () -> policies.purgeInputs(id, "erasure request 17"))).as("idempotent").isZero();

        Explanation e = as("olga", "OPERATOR", () -> policies.explain(id));
        assertThat(e.inputs()).isEqualTo(TraceInputs.PURGED);
        assertThat(e.toString()).doesNotContain(planted);
        assertThat(e.trace().resource()).containsEntry("title", TraceMask.PURGED);
        assertThat(e.effect()).isEqualTo(live.effect());
        assertThat(e.decidedBy()).isEqualTo(live.decidingRules());
        assertThat(as("olga", "OPERATOR", () -> policies.explain(other.decisionId().toString())).trace().resource())
                .containsEntry("title", "kept-" + planted);
        assertThat(dsl.fetchValue("select inputs from authz.decision_inputs where decision_id = ?", live.decisionId())).isNull();
        assertThat(dsl.fetchCount(dsl.selectFrom("ledger.audit_event").where("action = 'authz.trace.inputs.purge' and target_id = ?", id)))
                .isEqualTo(2);

        long batch = store.batchOf(live.decisionId()).batchId();
        assertThat(as("cora", "COMPLIANCE", () -> store.verifyBatch(batch))).isTrue();
        assertThat(as("cora", "COMPLIANCE", () -> auditVerifier.verify()).problem()).isNull();
    }
}
