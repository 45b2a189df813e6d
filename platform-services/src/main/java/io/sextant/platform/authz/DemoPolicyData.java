package io.sextant.platform.authz;

import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Demo policies for the demo profile: a published API policy for nimbus-crm/crm-eu, a draft that
 * adds table rules (published through the review board), a draft that adds an API rule only
 * (published by a security admin's approval: the operator proposes it, secadmin approves), a test suite, and a week of recorded live decisions (deterministic, seeded) so
 * that least-privilege proposals and impact analysis have something to work on. Idempotent.
 */
@Service
public class DemoPolicyData {

    private static final Logger log = LoggerFactory.getLogger(DemoPolicyData.class);

    static final String DIR = "io/sextant/platform/authz/demo/";
    static final String PUBLISHED = resource("crm-eu.policy");
    static final String DRAFT = resource("crm-eu.draft.policy");
    static final String API_DRAFT = resource("crm-eu.api-draft.policy");
    static final String TESTS = resource("crm-eu.tests");

    /** A policy or test file shipped with the product (the same files CI runs: PolicySuiteFilesTest). */
    static String resource(String name) {
        try (var in = DemoPolicyData.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final OrganizationService orgs;
    private final ProjectService projects;
    private final PolicyService policies;
    private final Clock clock;

    DemoPolicyData(OrganizationService orgs, ProjectService projects, PolicyService policies, Clock clock) {
        this.orgs = orgs;
        this.projects = projects;
        this.policies = policies;
        this.clock = clock;
    }

    public void ensure() {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system:demo", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        try {
            var org = orgs.find("nimbus-crm");
            if (org.isEmpty()) {
                return;
            }
            Project crm = projects.list(org.get().id()).stream().filter(p -> p.slug().equals("crm-eu")).findFirst().orElse(null);
            if (crm == null || !crm.status().equals("active")) {
                return;
            }
            PolicyVersion published = policies.seedPublished(crm.id(), PUBLISHED);
            policies.saveDraft(crm.id(), DRAFT, published.versionHash());
            policies.saveDraft(crm.id(), API_DRAFT, published.versionHash());
            if (policies.testSuiteVersion(crm.id()) == 0) {
                policies.saveTestSuite(crm.id(), TESTS, 0);
            }
            if (!policies.hasDecisions(crm.id(), Duration.ofDays(30), TraceKind.LIVE)) {
                seedDecisions(crm);
            }
        } catch (RuntimeException e) {
            log.warn("Demo policies not (fully) created: {}", e.getMessage());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void seedDecisions(Project crm) {
        CompiledPolicy policy = policies.effective(crm.id(), null);
        Random random = new Random(20261126);
        List<String> roles = List.of("member", "member", "member", "analyst", "admin", "support");
        List<String> actions = List.of("contacts.export", "reports.view", "reports.view", "reports.view", "billing.view");
        Instant now = clock.instant();
        List<DecisionTrace> traces = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            String role = roles.get(random.nextInt(roles.size()));
            String action = actions.get(random.nextInt(actions.size()));
            if (action.equals("billing.view") && role.equals("member")) {
                role = "admin";
            }
            BigDecimal risk = BigDecimal.valueOf(random.nextInt(100));
            Instant at = now.minus(Duration.ofMinutes(30 + random.nextInt(7 * 24 * 60)));
            Principal principal = new Principal("user-" + random.nextInt(12), role, crm.id(), Map.of("team", random.nextBoolean() ? "sales" : "support"));
            DecisionRequest r = new DecisionRequest("demo-" + i, principal, action, "project", Map.of("project_id", crm.id().toString()),
                    new RequestContext(at, "10.20." + random.nextInt(255) + "." + random.nextInt(255), risk));
            traces.add(policy.trace(r, UUID.nameUUIDFromBytes(("demo-decision-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    TraceKind.LIVE, crm.id(), at));
        }
        policies.recordAll(traces);
        log.info("Demo: {} recorded decisions for nimbus-crm/crm-eu", traces.size());
    }
}
