package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.authz.Simulation.Command;
import io.sextant.platform.authz.Simulation.Request;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Tenants;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** Who may see a tenant's rows through the simulator (D009); refusals are audited. */
@PlatformTest
@WithMockUser(username = "olivia", roles = "OPERATOR")
class TenantRowAccessTests {

    @Autowired
    Tenants tenants;
    @Autowired
    PolicySimulator simulator;
    @Autowired
    DSLContext dsl;

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    private Request select(UUID project) {
        return new Request(project, null, null, null, Map.of(), RequestContext.at(Instant.now()), Command.SELECT, "document", Map.of(), Map.of(), null);
    }

    @Test
    void supportMayNotSeeRowsOfATenantWithRegulatedDataAndTheRefusalIsAudited() {
        UUID health = tenants.provisionWithData("eu-central", IsolationModel.SHARED, DataClass.HEALTH);
        as("sam", "SUPPORT");
        assertThatThrownBy(() -> simulator.simulate(select(health))).isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not see");
        assertThat(dsl.fetchCount(dsl.selectFrom("ledger.audit_event").where("action = 'authz.simulate' and outcome = 'refused' and target_id = ?",
                health.toString()))).isEqualTo(1);
        as("olivia", "OPERATOR");
        assertThat(simulator.simulate(select(health)).executed()).isTrue();
        // the health pack's rule, mirrored as platform_no_public_documents, refuses a public document — and the engine agrees
        var insert = simulator.simulate(new Request(health, health, "member", "u1", Map.of(), RequestContext.at(Instant.now()), Command.INSERT,
                "document", Map.of(), Map.of("title", "Flyer", "classification", "public"), null));
        assertThat(insert.refused()).contains("row-level security");
        assertThat(insert.agrees()).as(insert.summary()).isTrue();
        assertThat(insert.rows().get(0).traces().get(0).decidingRules()).containsExactly("platform_no_public_documents");
        var internal = simulator.simulate(new Request(health, health, "member", "u1", Map.of(), RequestContext.at(Instant.now()), Command.INSERT,
                "document", Map.of(), Map.of("title", "Memo", "classification", "internal"), null));
        assertThat(internal.refused()).isNull();
        assertThat(internal.agrees()).as(internal.summary()).isTrue();
    }

    @Test
    void complianceStaffReadTracesButNotRows() {
        UUID plain = tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED).projectId();
        as("cora", "COMPLIANCE");
        assertThatThrownBy(() -> simulator.simulate(select(plain))).isInstanceOf(AccessDeniedException.class);
        as("sam", "SUPPORT");
        assertThat(simulator.simulate(select(plain)).agrees()).isTrue();
    }
}
