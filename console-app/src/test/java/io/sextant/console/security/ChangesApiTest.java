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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /api/v1/changes} over real HTTP: a change submitted as files, checked; bad input; authorization. */
@ConsoleTest
class ChangesApiTest {

    @Autowired
    PersonalAccessTokenService pats;

    String operatorToken;
    String supportToken;

    @BeforeEach
    void tokens() {
        operatorToken = as("operator", () -> pats.create("changes api test", Duration.ofDays(1)), ConsoleRole.OPERATOR).secret();
        supportToken = as("support", () -> pats.create("changes api test", Duration.ofDays(1)), ConsoleRole.SUPPORT).secret();
    }

    static HttpResponse<String> multipart(String path, String token, String fileName, String sql) {
        String boundary = "sextant-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"forward\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/sql\r\n\r\n" + sql + "\r\n--" + boundary + "--\r\n";
        return SecurityHttp.send(SecurityHttp.request(TestPort.console() + path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> post(String path, String token, String json) {
        return SecurityHttp.send(SecurityHttp.request(TestPort.console() + path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void aMigrationFileBecomesAChangeRequestThatCanBeChecked() {
        var submitted = multipart("/api/v1/changes/files?target=region:us-east", operatorToken, "V1__event_log_note.sql",
                "alter table tenant_data.event_log add column note text;");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = SecurityHttp.json(submitted).get("changeId").toString();
        assertThat(submitted.body()).contains("\"sequence\":1").contains("event log note");
        assertThat(SecurityHttp.api("/api/v1/changes/" + id + "/check", operatorToken).statusCode()).isEqualTo(404);
        var checked = post("/api/v1/changes/" + id + "/check", operatorToken, "");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(checked.body()).contains("\"rollback\"").contains("\"risk\"").contains("alter table tenant_data.event_log");
    }

    @Test
    void badInputIsRefusedClearly() {
        var badName = multipart("/api/v1/changes/files?target=region:us-east", operatorToken, "add-column.sql", "select 1;");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("V<sequence>__<description>.sql");
        var unknownTarget = post("/api/v1/changes", operatorToken,
                "{\"targetId\":\"nowhere\",\"sequence\":1,\"description\":\"x\",\"forwardSql\":\"select 1\"}");
        assertThat(unknownTarget.statusCode()).isEqualTo(404);
        var noHash = post("/api/v1/changes/no-such-change/approve", operatorToken, "{}");
        assertThat(noHash.statusCode()).as(noHash.body()).isEqualTo(400);
        assertThat(noHash.body()).contains("content hash");
    }

    @Test
    void whoMayApproveIsDecidedBeforeWhetherTheChangeExists() {
        assertThat(post("/api/v1/changes/no-such-change/approve", supportToken, "{\"contentHash\":\"abc\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/changes/no-such-change/approve", operatorToken, "{\"contentHash\":\"abc\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void targetsAreListedForOperatorsButNotForSupport() {
        assertThat(SecurityHttp.api("/api/v1/changes/targets", supportToken).statusCode()).isEqualTo(403);
        var targets = SecurityHttp.api("/api/v1/changes/targets", operatorToken);
        assertThat(targets.statusCode()).isEqualTo(200);
        assertThat(targets.body()).contains("\"targetId\":\"platform\"");
    }

    @Test
    void supportMayNotSubmitChanges() {
        var r = post("/api/v1/changes", supportToken,
                "{\"targetId\":\"region:us-east\",\"sequence\":9,\"description\":\"x\",\"forwardSql\":\"select 1\"}");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void driftAndStuckResetsNeedTheRightRole() {
        assertThat(SecurityHttp.api("/api/v1/changes/targets/platform/drift", supportToken).statusCode()).isEqualTo(403);
        var drift = SecurityHttp.api("/api/v1/changes/targets/platform/drift", operatorToken);
        assertThat(drift.statusCode()).as(drift.body()).isEqualTo(200);
        assertThat(SecurityHttp.api("/api/v1/changes/stuck", supportToken).statusCode()).isEqualTo(403);
        assertThat(SecurityHttp.api("/api/v1/changes/stuck", operatorToken).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/changes/no-such-change/reset", operatorToken, "").statusCode()).isEqualTo(404);
    }
}
