package io.sextant.console.security;

import static io.sextant.console.security.SecurityHttp.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.identity.ApiClientService;
import io.sextant.platform.identity.ConsoleRole;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation of the served OpenAPI document, called with no token and as a client of each
 * console role (and of none), with known and unknown ids, against the expected matrix in
 * {@code src/test/resources/api-role-matrix.txt}. An operation without a row fails the build and
 * the failure prints the row to add, as observed, for a reviewer to check cell by cell.
 *
 * <p>A cell is {@code ok} (any 2xx) or the status code; {@code known|unknown} when a path id makes
 * a difference. Bodies are deliberately minimal ({@code {}}, or {@link #BODIES} where the binding
 * refuses that): the matrix is about who gets past the gate, so an allowed caller's 400 or 409 is
 * an answer of the operation, not of authorization.
 * Operations with side effects act on fixtures of this test only (its own tenant, a rejected
 * change), tenant lifecycle last, in the order suspend, resume, delete, restore.
 */
@ConsoleTest
class RoleMatrixTest {

    static final Path MATRIX = Path.of("src/test/resources/api-role-matrix.txt");
    static final List<String> PRINCIPALS = List.of("anonymous", "no-role", "operator", "support", "compliance", "security-admin");
    static final List<String> LIFECYCLE = List.of("/suspend", "/resume", "/delete", "/restore");

    /**
     * Bodies for operations whose {@code {}} the JSON binding already refuses (a 400 for everyone,
     * before any role is checked), so that the call reaches the gate. None of them changes anything:
     * a version that does not follow, a hash that is not the change's, a suite version that is not current.
     */
    static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/changes", "{\"targetId\":\"platform\",\"sequence\":99999,\"description\":\"matrix\",\"forwardSql\":\"select 1\"}",
            "POST /api/v1/changes/{id}/approve", "{\"contentHash\":\"0000\"}",
            "POST /api/v1/projects/{projectId}/decisions",
            "{\"principal\":{\"id\":\"matrix\",\"role\":\"member\"},\"action\":\"read\",\"resourceType\":\"matrix_probe\"}",
            "POST /api/v1/projects/{projectId}/explanations",
            "{\"principal\":{\"id\":\"matrix\",\"role\":\"member\"},\"action\":\"read\",\"resourceType\":\"matrix_probe\"}",
            "POST /api/v1/projects/{projectId}/policy/simulations", "{\"command\":\"SELECT\",\"table\":\"matrix_probe\"}",
            "PUT /api/v1/projects/{projectId}/policy/tests", "{\"content\":\"\",\"expectedVersion\":999999}",
            "POST /api/v1/projects/{projectId}/risk-scores", "{\"principal\":\"matrix\",\"action\":\"probe\"}",
            "POST /api/v1/projects/{projectId}/risk-models/{hash}/approve", "{\"expectedPublication\":999999}");

    @Autowired
    ApiClientService clients;

    @Autowired
    ChangeRequestService changes;

    record Operation(String method, String path, boolean hasBody, boolean multipart) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEachPrincipalAsTheMatrixSays() throws Exception {
        Map<String, String> tokens = tokens();
        Map<String, String> known = fixtures(tokens.get("operator"));
        Map<String, String[]> expected = readMatrix();
        List<Operation> operations = OpenApiOperations.read(SecurityHttp.get(TestPort.console() + "/api/v1/openapi").body());
        assertThat(operations).as("the served OpenAPI document lists operations").hasSizeGreaterThan(20);
        operations.sort(Comparator.comparingInt(RoleMatrixTest::order).thenComparing(Operation::key));

        List<String> problems = new ArrayList<>();
        List<String> missingRows = new ArrayList<>();
        for (Operation op : operations) {
            String[] observed = new String[PRINCIPALS.size()];
            for (int i = 0; i < PRINCIPALS.size(); i++) {
                String token = tokens.get(PRINCIPALS.get(i));
                String unknownCell = cell(call(op, OpenApiOperations.unknown(op.path()), token));
                var knownPath = op.path().contains("{") ? OpenApiOperations.known(op.path(), known) : java.util.Optional.<String>empty();
                String knownCell = knownPath.isPresent() ? cell(call(op, knownPath.get(), token)) : unknownCell;
                observed[i] = knownCell.equals(unknownCell) ? knownCell : knownCell + "|" + unknownCell;
                if (knownCell.startsWith("5") || unknownCell.startsWith("5")) {
                    problems.add(op.key() + " as " + PRINCIPALS.get(i) + " answered " + observed[i] + ": a server error is never an authorization answer");
                }
            }
            String[] want = expected.remove(op.key());
            if (want == null) {
                missingRows.add(row(op.key(), observed));
            } else {
                for (int i = 0; i < PRINCIPALS.size(); i++) {
                    if (!want[i].equals(observed[i])) {
                        problems.add(op.key() + " as " + PRINCIPALS.get(i) + ": the matrix says " + want[i] + ", the console answered " + observed[i]);
                    }
                }
            }
        }
        expected.keySet().forEach(k -> problems.add("console-app/" + MATRIX + " has a row for " + k
                + ", which the OpenAPI document does not list: remove it"));
        if (!missingRows.isEmpty()) {
            problems.add("Operations without a row in console-app/" + MATRIX + ". Decide who may call each, then add its row"
                    + " (columns: operation, " + String.join(", ", PRINCIPALS) + "); as the console answers now:\n"
                    + String.join("\n", missingRows));
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** Reads first, then other operations, then the tenant lifecycle in an order that ends where it began. */
    static int order(Operation op) {
        for (int i = 0; i < LIFECYCLE.size(); i++) {
            if (op.path().startsWith("/api/v1/projects/{id}") && op.path().endsWith(LIFECYCLE.get(i))) {
                return 10 + i;
            }
        }
        return "GET".equals(op.method()) ? 0 : 1;
    }

    HttpResponse<String> call(Operation op, String path, String token) {
        HttpRequest.Builder b = SecurityHttp.request(TestPort.console() + path + (op.path().equals("/api/v1/changes") && op.method().equals("GET")
                ? "?target=platform" : ""));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (op.multipart()) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\nplatform\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"forward\"; filename=\"V9101__matrix_probe.sql\"\r\n"
                    + "Content-Type: application/sql\r\n\r\ncreate index matrix_probe on ops.change_request (created_at);\r\n"
                    + "--" + boundary + "--\r\n";
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            b.method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else if (op.hasBody() || !op.method().equals("GET")) {
            b.header("Content-Type", "application/json").header("Idempotency-Key", "matrix-" + UUID.randomUUID());
            b.method(op.method(), HttpRequest.BodyPublishers.ofString(op.hasBody() ? BODIES.getOrDefault(op.key(), "{}") : ""));
        }
        return SecurityHttp.send(b.build());
    }

    static String cell(HttpResponse<String> r) {
        return r.statusCode() / 100 == 2 ? "ok" : String.valueOf(r.statusCode());
    }

    /** A client of each role and of none; anonymous has no token. */
    Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        Map<String, Set<ConsoleRole>> roles = new LinkedHashMap<>();
        roles.put("no-role", Set.of());
        roles.put("operator", Set.of(ConsoleRole.OPERATOR));
        roles.put("support", Set.of(ConsoleRole.SUPPORT));
        roles.put("compliance", Set.of(ConsoleRole.COMPLIANCE));
        roles.put("security-admin", Set.of(ConsoleRole.SECURITY_ADMIN));
        roles.forEach((name, set) -> {
            var client = as("test-admin", () -> clients.create("matrix " + name, set), ConsoleRole.SECURITY_ADMIN);
            tokens.put(name, SecurityHttp.clientCredentialsToken(client.clientId(), client.clientSecret()));
        });
        return tokens;
    }

    /** Ids that exist: a tenant of this test's own, its run, the platform target and a change that is already rejected. */
    Map<String, String> fixtures(String operatorToken) {
        String org = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        var applied = SecurityHttp.send(SecurityHttp.request(TestPort.console() + "/api/v1/onboarding/apply",
                        "Authorization", "Bearer " + operatorToken, "Content-Type", "application/json", "Idempotency-Key", org)
                .POST(HttpRequest.BodyPublishers.ofString(OnboardingApiTest.request(org, "matrix", "", "EU"))).build());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        Map<String, Object> result = SecurityHttp.json(applied);
        int next = as("matrix-operator", () -> changes.nextSequence("platform"), ConsoleRole.OPERATOR);
        ChangeRequest change = as("matrix-operator", () -> changes.submit(new ChangeSubmission("platform", next, "role matrix probe",
                "create index matrix_probe on ops.change_request (created_at);", null)), ConsoleRole.OPERATOR);
        as("matrix-operator", () -> changes.reject(change.changeId(), "a fixture of the role matrix"), ConsoleRole.OPERATOR);
        Map<String, String> known = new LinkedHashMap<>();
        known.put("/api/v1/projects/{id}", result.get("projectId").toString());
        known.put("/api/v1/projects/{projectId}", result.get("projectId").toString());
        known.put("/api/v1/onboarding/runs/{runId}", result.get("runId").toString());
        known.put("/api/v1/orgs/{slug}", org);
        known.put("/api/v1/changes/{id}", change.changeId());
        known.put("/api/v1/changes/targets/{target}", "platform");
        return known;
    }

    static Map<String, String[]> readMatrix() throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length != 2 + PRINCIPALS.size()) {
                throw new IllegalStateException("Row of " + MATRIX + " needs method, path and " + PRINCIPALS.size() + " cells: " + line);
            }
            String[] cells = new String[PRINCIPALS.size()];
            System.arraycopy(parts, 2, cells, 0, cells.length);
            rows.put(parts[0] + " " + parts[1], cells);
        }
        return rows;
    }

    static String row(String key, String[] cells) {
        StringBuilder b = new StringBuilder(String.format("%-58s", key));
        for (String c : cells) {
            b.append(String.format(" %-15s", c));
        }
        return b.toString().stripTrailing();
    }
}
