package io.sextant.console.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ConsoleTest;
import io.sextant.platform.authz.CompiledPolicy;
import io.sextant.platform.authz.DecisionRequest;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.Principal;
import io.sextant.platform.authz.RequestContext;
import io.sextant.platform.authz.TraceKind;
import io.sextant.platform.authz.TraceStore;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Decisions tab, server-side, as each console role: a value planted in a health tenant's row
 * (a what-if simulation of a draft rule that reads the row, as the simulator records it) shows in
 * the explanation only to the roles that may see that tenant's rows; the others see it masked and
 * are told why.
 */
@ConsoleTest
class DecisionsTabViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;
    @Autowired
    TraceStore traces;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(DecisionsTab.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String user, ConsoleRole role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name())));
    }

    @Test
    void theExplanationShowsAHealthTenantsRowValueOnlyToRolesThatMaySeeItsRows() {
        as("operator", ConsoleRole.OPERATOR);
        UUID portal = projects.list(organizations.find("acme-health").orElseThrow().id()).stream()
                .filter(p -> p.slug().equals("patient-portal")).findFirst().orElseThrow().id();
        String planted = "planted-" + UUID.randomUUID();
        CompiledPolicy whatIf = policies.effective(portal, "rule approved_only: permit select on document when resource.title == \"approved\";");
        DecisionTrace t = whatIf.trace(new DecisionRequest("view-test", new Principal("u1", "member", portal, Map.of()), "select", "document",
                Map.of("title", planted), RequestContext.at(Instant.now())), UUID.randomUUID(), TraceKind.SIMULATION, portal, Instant.now());
        traces.record(t).join();

        record Reader(String user, ConsoleRole role, boolean allowed) {
        }
        for (Reader r : List.of(new Reader("operator", ConsoleRole.OPERATOR, true), new Reader("support", ConsoleRole.SUPPORT, false),
                new Reader("compliance", ConsoleRole.COMPLIANCE, false), new Reader("secadmin", ConsoleRole.SECURITY_ADMIN, true))) {
            as(r.user(), r.role());
            long before = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);
            DecisionsTab tab = new DecisionsTab(policies, portal);
            UI.getCurrent().add(tab);
            try {
                assertThat($(Paragraph.class).withId("decisions-masked").exists()).as(r.user() + " is told row values are hidden")
                        .isEqualTo(!r.allowed());
                test($(TextField.class).id("explain-id")).setValue(t.decisionId().toString());
                test($(Button.class).id("explain-run")).click();
                String shown = $(Div.class).id("decisions-explanation").getElement().getTextRecursively();
                assertThat(shown).as(r.user()).contains("approved_only").contains("resource.title");
                assertThat(shown.contains(planted)).as(r.user() + " sees the planted value: " + shown).isEqualTo(r.allowed());
                assertThat($(Paragraph.class).withId("explanation-inputs").exists()).isEqualTo(!r.allowed());
                assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and action = 'authz.trace.inputs.read' "
                        + "and actor = ?", Long.class, before, r.user())).as("recent decisions and the explanation, audited")
                        .isEqualTo(r.allowed() ? 2L : 0L);
            } finally {
                UI.getCurrent().remove(tab);
            }
        }
    }
}
