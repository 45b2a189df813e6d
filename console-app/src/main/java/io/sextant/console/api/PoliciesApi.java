package io.sextant.console.api;

import io.sextant.platform.authz.Decision;
import io.sextant.platform.authz.DecisionRequest;
import io.sextant.platform.authz.Effect;
import io.sextant.platform.authz.Explanation;
import io.sextant.platform.authz.ImpactReport;
import io.sextant.platform.authz.LeastPrivilegeProposal;
import io.sextant.platform.authz.PolicyApprovals;
import io.sextant.platform.authz.PolicyProposal;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicySimulator;
import io.sextant.platform.authz.PolicySyntaxException;
import io.sextant.platform.authz.PolicyTestSuite;
import io.sextant.platform.authz.PolicyVersion;
import io.sextant.platform.authz.Principal;
import io.sextant.platform.authz.RequestContext;
import io.sextant.platform.authz.Simulation;
import io.sextant.platform.authz.UnknownProjectException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1}: a project's authorization policies for scripts and CI — versions and drafts,
 * simulations on the real rows, live decisions and their explanations, least-privilege proposals,
 * test suites, impact of a candidate version and publishing (through the review board, or a security
 * admin's approval for a version that changes no row-level security). The authz
 * services decide who may do what (and audit refusals); this class only maps JSON and errors.
 */
@RestController
@RequestMapping("/api/v1")
class PoliciesApi {

    private static final int DEFAULT_WINDOW_DAYS = 30;

    private final PolicyService policies;
    private final PolicySimulator simulator;
    private final PolicyApprovals approvals;

    PoliciesApi(PolicyService policies, PolicySimulator simulator, PolicyApprovals approvals) {
        this.policies = policies;
        this.simulator = simulator;
        this.approvals = approvals;
    }

    @GetMapping("/projects/{projectId}/policy/versions")
    List<PolicyVersion> versions(@PathVariable UUID projectId) {
        policies.project(projectId);
        return policies.versions(projectId);
    }

    record DraftBody(String source, @Nullable String parentHash) {
    }

    @PostMapping("/projects/{projectId}/policy/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyVersion saveDraft(@PathVariable UUID projectId, @RequestBody DraftBody body) {
        return policies.saveDraft(projectId, body.source() == null ? "" : body.source(), body.parentHash());
    }

    record ContextBody(@Nullable Instant time, @Nullable String ip, @Nullable BigDecimal risk) {
        RequestContext toContext() {
            return new RequestContext(time, ip, risk);
        }
    }

    record SimulationBody(@Nullable UUID principalProjectId, @Nullable String role, @Nullable String subject,
            @Nullable Map<String, Object> claims, @Nullable ContextBody context, Simulation.Command command, String table,
            @Nullable Map<String, String> where, @Nullable Map<String, String> set, @Nullable String draftSource) {
    }

    @PostMapping("/projects/{projectId}/policy/simulations")
    Simulation.Result simulate(@PathVariable UUID projectId, @RequestBody SimulationBody b) {
        if (b.command() == null || b.table() == null) {
            throw new IllegalArgumentException("A simulation needs a command (SELECT, INSERT, UPDATE, DELETE) and a table");
        }
        return simulator.simulate(new Simulation.Request(projectId, b.principalProjectId(), b.role(), b.subject(),
                b.claims() == null ? Map.of() : b.claims(), b.context() == null ? new RequestContext(null, null, null) : b.context().toContext(),
                b.command(), b.table(), b.where() == null ? Map.of() : b.where(), b.set() == null ? Map.of() : b.set(), b.draftSource()));
    }

    @GetMapping("/decisions/{decisionId}/explanation")
    Explanation explain(@PathVariable String decisionId) {
        return policies.explain(decisionId);
    }

    record PrincipalBody(@Nullable String id, @Nullable String role, @Nullable UUID tenant, @Nullable Map<String, Object> claims) {
    }

    record DecisionBody(PrincipalBody principal, String action, String resourceType, @Nullable Map<String, @Nullable Object> resource,
            @Nullable ContextBody context) {
    }

    record DecisionAnswer(UUID decisionId, Effect effect, List<String> decidingRules, String policyHash) {
    }

    @PostMapping("/projects/{projectId}/decisions")
    DecisionAnswer decide(@PathVariable UUID projectId, @RequestBody DecisionBody b) {
        Decision d = policies.decide(projectId, request(b, "A decision"));
        return new DecisionAnswer(d.decisionId(), d.effect(), d.decidingRules(), d.policyHash());
    }

    /** "Why would this be denied?" for a principal, action and resource, under the published policy (recorded as a simulation). */
    @PostMapping("/projects/{projectId}/explanations")
    Explanation explainRequest(@PathVariable UUID projectId, @RequestBody DecisionBody b) {
        return policies.explain(projectId, request(b, "An explanation"));
    }

    private static DecisionRequest request(DecisionBody b, String what) {
        if (b.principal() == null || b.action() == null || b.resourceType() == null) {
            throw new IllegalArgumentException(what + " needs a principal, an action and a resourceType");
        }
        PrincipalBody p = b.principal();
        return new DecisionRequest(null, new Principal(p.id(), p.role(), p.tenant(), p.claims() == null ? Map.of() : p.claims()), b.action(),
                b.resourceType(), b.resource() == null ? Map.of() : b.resource(),
                b.context() == null ? new RequestContext(null, null, null) : b.context().toContext());
    }

    record LeastPrivilegeBody(@Nullable String versionHash, @Nullable Integer windowDays) {
    }

    @PostMapping("/projects/{projectId}/policy/least-privilege")
    LeastPrivilegeProposal leastPrivilege(@PathVariable UUID projectId, @RequestBody LeastPrivilegeBody b) {
        return policies.proposeLeastPrivilege(projectId, b.versionHash(), window(b.windowDays()));
    }

    @PostMapping("/projects/{projectId}/policy/versions/{hash}/impact")
    ImpactReport impact(@PathVariable UUID projectId, @PathVariable String hash, @RequestParam(required = false) Integer windowDays) {
        return policies.impact(projectId, hash, window(windowDays));
    }

    @PostMapping("/projects/{projectId}/policy/versions/{hash}/propose")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyProposal propose(@PathVariable UUID projectId, @PathVariable String hash) {
        return policies.propose(projectId, hash);
    }

    /** Publishes a proposed version that changes no row-level security (API rules only): a security admin other than its author and proposer. */
    @PostMapping("/projects/{projectId}/policy/versions/{hash}/approve")
    PolicyVersion approve(@PathVariable UUID projectId, @PathVariable String hash) {
        return approvals.approve(projectId, hash);
    }

    record RejectBody(@Nullable String reason) {
    }

    @PostMapping("/projects/{projectId}/policy/versions/{hash}/reject")
    PolicyVersion reject(@PathVariable UUID projectId, @PathVariable String hash, @RequestBody(required = false) @Nullable RejectBody b) {
        return approvals.reject(projectId, hash, b == null || b.reason() == null ? "" : b.reason());
    }

    record TestSuiteBody(String content, int version) {
    }

    @GetMapping("/projects/{projectId}/policy/tests")
    TestSuiteBody testSuite(@PathVariable UUID projectId) {
        policies.project(projectId);
        return new TestSuiteBody(policies.testSuite(projectId), policies.testSuiteVersion(projectId));
    }

    record SaveTestSuiteBody(String content, int expectedVersion) {
    }

    @PutMapping("/projects/{projectId}/policy/tests")
    TestSuiteBody saveTestSuite(@PathVariable UUID projectId, @RequestBody SaveTestSuiteBody b) {
        policies.project(projectId);
        String content = b.content() == null ? "" : b.content();
        return new TestSuiteBody(content, policies.saveTestSuite(projectId, content, b.expectedVersion()));
    }

    record RunTestsBody(@Nullable String versionSource) {
    }

    record TestLine(int line, String text, Effect expected, Effect actual, boolean passed, List<String> decidingRules) {
    }

    record TestReport(String policyHash, boolean passed, long failures, List<TestLine> results) {
    }

    @PostMapping("/projects/{projectId}/policy/tests/run")
    TestReport runTests(@PathVariable UUID projectId, @RequestBody(required = false) @Nullable RunTestsBody b) {
        policies.project(projectId);
        PolicyTestSuite.Report r = policies.runTests(projectId, b == null ? null : b.versionSource());
        return new TestReport(r.policyHash(), r.passed(), r.failures(), r.results().stream().map(x -> new TestLine(x.testCase().line(),
                x.testCase().text(), x.testCase().expected(), x.actual(), x.passed(), x.decidingRules())).toList());
    }

    private static Duration window(@Nullable Integer days) {
        int d = days == null ? DEFAULT_WINDOW_DAYS : days;
        if (d < 1 || d > 366) {
            throw new IllegalArgumentException("windowDays must be between 1 and 366 (got " + d + ")");
        }
        return Duration.ofDays(d);
    }

    /** Where the text is wrong, so an editor can put the cursor there. */
    @ExceptionHandler(PolicySyntaxException.class)
    ProblemDetail syntax(PolicySyntaxException e) {
        return ApiErrors.positioned(e.getMessage(), e.problem(), e.line(), e.column(), e.offset(), e.length());
    }

    @ExceptionHandler(UnknownProjectException.class)
    ProblemDetail unknownProject(UnknownProjectException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A state that forbids the step (no published policy to narrow, failing tests, not a draft). */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail state(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
