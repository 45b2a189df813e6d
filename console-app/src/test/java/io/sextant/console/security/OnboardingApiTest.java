package io.sextant.console.security;

import static io.sextant.console.security.SecurityHttp.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.PersonalAccessTokenService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /api/v1/onboarding} over real HTTP: derive with reasons, idempotent apply, bad input, authorization, OpenAPI. */
@ConsoleTest
class OnboardingApiTest {

    @Autowired
    PersonalAccessTokenService pats;

    String operatorToken;
    String supportToken;

    @BeforeEach
    void tokens() {
        operatorToken = as("operator", () -> pats.create("onboarding api test", Duration.ofDays(1)), ConsoleRole.OPERATOR).secret();
        supportToken = as("support", () -> pats.create("onboarding api test", Duration.ofDays(1)), ConsoleRole.SUPPORT).secret();
    }

    static String request(String org, String project, String data, String residency) {
        return """
                {"organizationSlug":"%s","newOrganizationName":"API Org %s","projectSlug":"%s","projectName":"%s",
                 "intent":{"building":"CONSUMER_APP","endUsers":"PUBLIC_CONSUMERS","data":[%s],"residency":"%s",
                           "scale":"SMALL","recovery":"DAILY_BACKUPS"},
                 "overrides":{}}
                """.formatted(org, org, project, project, data, residency);
    }

    static HttpResponse<String> post(String path, String token, String body, String... headers) {
        HttpRequest.Builder b = SecurityHttp.request(TestPort.console() + path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return SecurityHttp.send(b.build());
    }

    @Test
    void derivesASetupWithAReasonForEveryItem() {
        var r = post("/api/v1/onboarding/derive", operatorToken, request("api-derive", "shop", "\"HEALTH\"", "US"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"code\":\"enterprise\"").contains("\"isolation\":{\"value\":\"DEDICATED\"")
                .contains("us-east").contains("reason");
    }

    @Test
    void applyIsIdempotentPerKeyAndCreatesOneTenant() {
        String key = UUID.randomUUID().toString();
        String body = request("api-idem", "storefront", "\"PERSONAL\"", "EU");
        var first = post("/api/v1/onboarding/apply", operatorToken, body, "Idempotency-Key", key);
        var second = post("/api/v1/onboarding/apply", operatorToken, body, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        String projectId = SecurityHttp.json(first).get("projectId").toString();
        assertThat(SecurityHttp.json(second).get("projectId")).hasToString(projectId);
        assertThat(first.body()).contains("\"status\":\"SUCCEEDED\"").contains("anonKey");
        assertThat(second.body()).doesNotContain("anonKey\":\"");
        var projects = SecurityHttp.api("/api/v1/orgs/api-idem/projects", operatorToken);
        assertThat(projects.body().split("\"slug\":\"storefront\"", -1)).hasSize(2);
    }

    @Test
    void badInputIsAnsweredWithAClearProblem() {
        var invalidName = post("/api/v1/onboarding/preflight", operatorToken, request("api-bad", "Not A Slug!", "", "EU"));
        assertThat(invalidName.statusCode()).isEqualTo(400);
        assertThat(invalidName.body()).contains("Invalid project name");
        var noKey = post("/api/v1/onboarding/apply", operatorToken, request("api-bad", "shop", "", "EU"));
        assertThat(noKey.statusCode()).isEqualTo(400);
        var malformed = post("/api/v1/onboarding/derive", operatorToken, "{\"intent\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        var noIntent = post("/api/v1/onboarding/derive", operatorToken, "{}");
        assertThat(noIntent.statusCode()).isEqualTo(400);
        assertThat(noIntent.body()).contains("missing: intent");
        var halfIntent = post("/api/v1/onboarding/derive", operatorToken, "{\"intent\":{\"building\":\"CONSUMER_APP\",\"data\":[]}}");
        assertThat(halfIntent.statusCode()).isEqualTo(400);
        assertThat(halfIntent.body()).contains("intent.endUsers, intent.residency, intent.scale, intent.recovery");
        var noNames = post("/api/v1/onboarding/preflight", operatorToken, "{\"intent\":{\"building\":\"CONSUMER_APP\",\"data\":[]}}");
        assertThat(noNames.statusCode()).isEqualTo(400);
        assertThat(noNames.body()).contains("missing: organizationSlug, projectSlug, projectName");
    }

    @Test
    void movingAnOrganisationToAHigherPlanNeedsTheConfirmationFlagAndApplyRefusesItWithoutOne() {
        String org = "api-plan-" + UUID.randomUUID().toString().substring(0, 6);
        var first = post("/api/v1/onboarding/apply", operatorToken, request(org, "blog", "", "ANYWHERE"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String health = request(org, "clinic", "\"HEALTH\"", "EU");

        var refused = post("/api/v1/onboarding/apply", operatorToken, health, "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("This moves organisation API Org " + org).contains("to the Enterprise plan")
                .contains("Its other project blog gets the Enterprise plan too").contains("confirmPlanChange: \\\"enterprise\\\"");
        var unconfirmed = post("/api/v1/onboarding/preflight", operatorToken, health);
        assertThat(unconfirmed.body()).contains("\"planChange\":{").contains("\"toPlanCode\":\"enterprise\"")
                .contains("\"otherProjects\":[\"blog\"]").contains("\"confirmed\":false");
        var confirmed = post("/api/v1/onboarding/preflight", operatorToken, health.replace("\"overrides\":{}", "\"overrides\":{},\"confirmPlanChange\":\"enterprise\""));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"confirmed\":true").contains("Confirmed: This moves organisation");
        assertThat(SecurityHttp.get(TestPort.console() + "/api/v1/openapi").body()).contains("confirmPlanChange").contains("planChange");
    }

    @Test
    void onlyOperatorsMayOnboardAndAnonymousCallersAreRefused() {
        assertThat(post("/api/v1/onboarding/derive", supportToken, request("api-auth", "shop", "", "EU")).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/onboarding/derive", null, request("api-auth", "shop", "", "EU")).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        var r = SecurityHttp.get(TestPort.console() + "/api/v1/openapi");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/onboarding/apply").contains("/api/v1/projects/{id}/residency-check");
    }
}
