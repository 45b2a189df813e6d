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

/**
 * {@code /api/v1} risk scores over real HTTP on the demo data: a score with "why risky" in plain
 * words, a model text that does not compile answered with its line and column, an unknown project,
 * a project without a published model, and a score request without a principal.
 */
@ConsoleTest
class RiskApiTest {

    @Autowired
    PersonalAccessTokenService pats;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProjectService projects;

    String operatorToken;

    @BeforeEach
    void tokens() {
        operatorToken = as("operator", () -> pats.create("risk api test", Duration.ofDays(1)), ConsoleRole.OPERATOR).secret();
    }

    UUID project(String org, String slug) {
        return as("operator", () -> {
            UUID orgId = organizations.find(org).orElseThrow().id();
            return projects.list(orgId).stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow().id();
        }, ConsoleRole.OPERATOR);
    }

    @Test
    void aScoreSaysWhyAndBadInputSaysWhatAndWhere() {
        UUID crm = project("nimbus-crm", "crm-eu");
        var scored = PoliciesApiTest.post("/api/v1/projects/" + crm + "/risk-scores", operatorToken,
                "{\"principal\":\"user-3\",\"action\":\"payment\",\"amount\":25000.5,\"device\":\"api-test-device\",\"latitude\":40.7128,"
                        + "\"longitude\":-74.006}");
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        var body = SecurityHttp.json(scored);
        assertThat(body.get("summary").toString()).contains("(threshold 60)");
        assertThat(body.get("why").toString()).contains("+20 (of at most 20), amount: amount 25000.5");
        assertThat(body.get("features").toString()).contains("readIds");

        var syntax = PoliciesApiTest.post("/api/v1/projects/" + crm + "/risk-models", operatorToken,
                "{\"source\":" + PoliciesApiTest.quoted("threshold 60;\nfeature amount weight 20\nfeature new_device weight 5;") + "}");
        assertThat(syntax.statusCode()).as(syntax.body()).isEqualTo(400);
        assertThat(syntax.body()).contains("\"line\":2").contains("\"column\":25").contains("expected `;`");

        var unknown = PoliciesApiTest.post("/api/v1/projects/" + UUID.randomUUID() + "/risk-scores", operatorToken,
                "{\"principal\":\"u\",\"action\":\"payment\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown project");

        var noModel = PoliciesApiTest.post("/api/v1/projects/" + project("nimbus-crm", "crm-us") + "/risk-scores", operatorToken,
                "{\"principal\":\"u\",\"action\":\"payment\"}");
        assertThat(noModel.statusCode()).as(noModel.body()).isEqualTo(409);
        assertThat(noModel.body()).contains("has no published risk model");

        var noPrincipal = PoliciesApiTest.post("/api/v1/projects/" + crm + "/risk-scores", operatorToken, "{\"action\":\"payment\",\"amount\":1.0001}");
        assertThat(noPrincipal.statusCode()).as(noPrincipal.body()).isEqualTo(400);
    }
}
