package io.sextant.console.security;

import static io.sextant.console.security.SecurityHttp.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.PersonalAccessTokenService;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.ProjectService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/v1} policies over real HTTP: bad input answered with where and why, refusals audited. */
@ConsoleTest
class PoliciesApiTest {

    @Autowired
    PersonalAccessTokenService pats;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcTemplate jdbc;

    String operatorToken;
    String supportToken;
    String complianceToken;
    String secadminToken;

    @BeforeEach
    void tokens() {
        operatorToken = as("operator", () -> pats.create("policies api test", Duration.ofDays(1)), ConsoleRole.OPERATOR).secret();
        supportToken = as("support", () -> pats.create("policies api test", Duration.ofDays(1)), ConsoleRole.SUPPORT).secret();
        complianceToken = as("compliance", () -> pats.create("policies api test", Duration.ofDays(1)), ConsoleRole.COMPLIANCE).secret();
        secadminToken = as("secadmin", () -> pats.create("policies api test", Duration.ofDays(1)), ConsoleRole.SECURITY_ADMIN).secret();
    }

    UUID project(String org, String slug) {
        return as("operator", () -> {
            UUID orgId = organizations.find(org).orElseThrow().id();
            return projects.list(orgId).stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow().id();
        }, ConsoleRole.OPERATOR);
    }

    static HttpResponse<String> post(String path, String token, String json) {
        return SecurityHttp.send(SecurityHttp.request(TestPort.console() + path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Autowired
    io.sextant.platform.tenancy.ProvisioningService provisioning;

    @Test
    void anApiOnlyVersionIsProposedWithoutABoardChangeAndApprovedByAnotherSecurityAdmin() {
        UUID project = as("operator", () -> io.sextant.console.ui.FreshProject.provision(organizations, provisioning, "api"), ConsoleRole.OPERATOR);
        var draft = post("/api/v1/projects/" + project + "/policy/drafts", operatorToken,
                "{\"source\":" + quoted("rule view: permit reports.view on project when principal.role == \"member\";") + "}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String hash = SecurityHttp.json(draft).get("versionHash").toString();
        String base = "/api/v1/projects/" + project + "/policy/versions/" + hash;

        var proposed = post(base + "/propose", operatorToken, "{}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.body()).contains("\"change\":null").contains("\"state\":\"proposed\"");
        var byOperator = post(base + "/approve", operatorToken, "{}");
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(403);
        var approved = post(base + "/approve", secadminToken, "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"state\":\"published\"").contains("secadmin (security admin approval)");
        assertThat(post(base + "/approve", secadminToken, "{}").statusCode()).as("published once").isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'authz.policy.approve' and target_id = ? "
                + "and outcome = 'refused' and actor = 'operator'", Long.class, project.toString())).isEqualTo(1);
    }

    @Test
    void aSyntaxErrorIsAnsweredWithItsPosition() {
        UUID crm = project("nimbus-crm", "crm-eu");
        var r = post("/api/v1/projects/" + crm + "/policy/drafts", operatorToken,
                "{\"source\":" + quoted("rule owners: permit select on document\n  when resource.owner_id == principal.id") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        var body = SecurityHttp.json(r);
        assertThat(body.get("line")).isEqualTo(2);
        assertThat(body).containsKeys("column", "error");
    }

    @Test
    void anUnknownColumnIsRefusedWithItsPosition() {
        UUID crm = project("nimbus-crm", "crm-eu");
        var r = post("/api/v1/projects/" + crm + "/policy/drafts", operatorToken,
                "{\"source\":" + quoted("rule r: permit select on document when resource.colour == \"red\";") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("colour").contains("\"line\":1").contains("\"column\":");
    }

    @Test
    void anUndeclaredClaimIsRefusedWithItsPosition() {
        UUID crm = project("nimbus-crm", "crm-eu");
        var r = post("/api/v1/projects/" + crm + "/policy/drafts", operatorToken,
                "{\"source\":" + quoted("rule r: permit select on document when principal.claims.team == \"blue\";") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("team").contains("\"line\":1").contains("\"column\":");
    }

    @Test
    void aMalformedDecisionIdIsBadInputAndAnUnknownOneIsNotFound() {
        var malformed = SecurityHttp.api("/api/v1/decisions/not-a-uuid/explanation", operatorToken);
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.body()).contains("Not a decision id");
        var unknown = SecurityHttp.api("/api/v1/decisions/" + UUID.randomUUID() + "/explanation", operatorToken);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    @Test
    void anUnknownProjectIsNotFound() {
        var r = SecurityHttp.api("/api/v1/projects/" + UUID.randomUUID() + "/policy/versions", operatorToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        var sim = post("/api/v1/projects/" + UUID.randomUUID() + "/policy/simulations", operatorToken,
                "{\"command\":\"SELECT\",\"table\":\"document\"}");
        assertThat(sim.statusCode()).as(sim.body()).isEqualTo(404);
    }

    @Test
    void supportMayNotSimulateOnHealthDataAndTheRefusalIsAudited() {
        UUID portal = project("acme-health", "patient-portal");
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);
        var r = post("/api/v1/projects/" + portal + "/policy/simulations", supportToken,
                "{\"principalProjectId\":\"" + portal + "\",\"role\":\"member\",\"subject\":\"u1\",\"command\":\"SELECT\",\"table\":\"document\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and action = 'authz.simulate' "
                + "and outcome = 'refused' and target_id = ?", Long.class, before, portal.toString())).isEqualTo(1L);
    }

    @Test
    void anOperatorSimulatesAndDecidesAndTheDecisionIsExplained() {
        UUID crm = project("nimbus-crm", "crm-eu");
        var sim = post("/api/v1/projects/" + crm + "/policy/simulations", operatorToken,
                "{\"principalProjectId\":\"" + crm + "\",\"role\":\"member\",\"subject\":\"u1\",\"command\":\"SELECT\",\"table\":\"document\"}");
        assertThat(sim.statusCode()).as(sim.body()).isEqualTo(200);
        assertThat(sim.body()).contains("\"agrees\":true");
        var decided = post("/api/v1/projects/" + crm + "/decisions", operatorToken,
                "{\"principal\":{\"id\":\"u1\",\"role\":\"member\",\"tenant\":\"" + crm + "\",\"claims\":{}},\"action\":\"select\","
                        + "\"resourceType\":\"document\",\"resource\":{\"tenant_id\":\"" + crm + "\"},\"context\":{\"ip\":\"10.0.0.1\"}}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        String id = SecurityHttp.json(decided).get("decisionId").toString();
        var explained = SecurityHttp.api("/api/v1/decisions/" + id + "/explanation", operatorToken);
        assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
        assertThat(explained.body()).contains("\"summary\"");
    }

    @Test
    void aPrincipalActionAndResourceAreExplainedWithTheSmallestChange() {
        UUID crm = project("nimbus-crm", "crm-eu");
        var explained = post("/api/v1/projects/" + crm + "/explanations", operatorToken,
                "{\"principal\":{\"id\":\"u1\",\"role\":\"member\",\"tenant\":\"" + crm + "\",\"claims\":{}},\"action\":\"billing.update\","
                        + "\"resourceType\":\"project\",\"context\":{\"risk\":10}}");
        assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
        assertThat(explained.body()).contains("\"effect\":\"DENY\"").contains("needs role admin");
    }

    /**
     * A value planted in a health tenant's row (a live decision on it) comes back from the
     * explanation endpoints only to the roles that may see that tenant's rows, and each such read
     * is audited; support and compliance staff get the row's values masked.
     */
    @Test
    void explanationsGiveAHealthTenantsRowValuesOnlyToRolesThatMaySeeItsRowsAndAuditEachRead() {
        UUID portal = project("acme-health", "patient-portal");
        String planted = "planted-" + UUID.randomUUID();
        String request = "{\"principal\":{\"id\":\"u1\",\"role\":\"member\",\"tenant\":\"" + portal + "\",\"claims\":{}},\"action\":\"select\","
                + "\"resourceType\":\"document\",\"resource\":{\"title\":\"" + planted + "\"},\"context\":{\"ip\":\"10.0.0.1\"}}";
        var decided = post("/api/v1/projects/" + portal + "/decisions", operatorToken, request);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.body()).doesNotContain(planted);
        String id = SecurityHttp.json(decided).get("decisionId").toString();

        record Reader(String user, String token, boolean allowed) {
        }
        for (Reader r : java.util.List.of(new Reader("operator", operatorToken, true), new Reader("support", supportToken, false),
                new Reader("compliance", complianceToken, false), new Reader("secadmin", secadminToken, true))) {
            long before = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);

            var byId = SecurityHttp.api("/api/v1/decisions/" + id + "/explanation", r.token());
            assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
            assertThat(byId.body().contains(planted)).as(r.user() + " reads the planted value: " + byId.body()).isEqualTo(r.allowed());
            assertThat(byId.body()).contains(r.allowed() ? "\"inputs\":\"COMPLETE\"" : "\"inputs\":\"ROW_VALUES_MASKED\"")
                    .contains("\"title\":");

            var asked = post("/api/v1/projects/" + portal + "/explanations", r.token(), request);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
            assertThat(asked.body().contains(planted)).as(r.user() + " reads the planted value: " + asked.body()).isEqualTo(r.allowed());

            assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and action = 'authz.trace.inputs.read' "
                    + "and actor = ? and target_id = ?", Long.class, before, r.user(), portal.toString())).isEqualTo(r.allowed() ? 2L : 0L);
        }
    }
}
