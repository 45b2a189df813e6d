package io.sextant.platform.risk;

import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Demo risk scores for the demo profile (called by the console's demo seeder only): the demo
 * tenant nimbus-crm/crm-eu gets the payments model, drafted and proposed by one system identity and
 * approved by another (the two-person rule holds for the seed too), and the last few hours of a
 * stream of sign-ins and payments, 2 % of them high-risk, each scored and recorded. Idempotent.
 */
@Service
public class DemoRiskData {

    private static final Logger log = LoggerFactory.getLogger(DemoRiskData.class);

    public static final String MODEL = resource("payments.model");
    static final int REQUESTS = 300;

    private final OrganizationService orgs;
    private final ProjectService projects;
    private final RiskModelService models;
    private final RiskScoreService scores;
    private final Clock clock;

    DemoRiskData(OrganizationService orgs, ProjectService projects, RiskModelService models, RiskScoreService scores, Clock clock) {
        this.orgs = orgs;
        this.projects = projects;
        this.models = models;
        this.scores = scores;
        this.clock = clock;
    }

    public void ensure() {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            as("system:demo-author", "ROLE_OPERATOR");
            var org = orgs.find("nimbus-crm");
            Project crm = org.isEmpty() ? null
                    : projects.list(org.get().id()).stream().filter(p -> p.slug().equals("crm-eu") && p.status().equals("active")).findFirst().orElse(null);
            if (crm == null || models.published(crm.id()).isPresent()) {
                return;
            }
            RiskModelVersion v = models.saveDraft(crm.id(), MODEL);
            if (v.state().equals("draft")) {
                models.propose(crm.id(), v.versionHash());
            }
            as("system:demo-approver", "ROLE_SECURITY_ADMIN");
            models.approve(crm.id(), v.versionHash(), models.publicationVersion(crm.id()));
            as("system:demo-author", "ROLE_OPERATOR");
            Instant start = clock.instant().minus(Duration.ofHours(3));
            List<RiskWorkload.Item> stream = RiskWorkload.stream(20261203L, REQUESTS, 40, 0.02, start);
            long flagged = 0;
            for (RiskWorkload.Item item : stream) {
                RiskRequest r = item.request();
                // the demo stream ends now: nothing is scored as if it happened in the future
                if (r.occurredAt() != null && r.occurredAt().isAfter(clock.instant())) {
                    r = r.withOccurredAt(clock.instant());
                }
                flagged += scores.score(crm.id(), r).flagged() ? 1 : 0;
            }
            log.info("Demo: risk model {} published for nimbus-crm/crm-eu, {} requests scored ({} flagged)", v.versionHash().substring(0, 12),
                    stream.size(), flagged);
        } catch (RuntimeException e) {
            log.warn("Demo risk scores not (fully) created: {}", e.getMessage());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static void as(String who, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null,
                AuthorityUtils.createAuthorityList(role)));
    }

    static String resource(String name) {
        try (var in = DemoRiskData.class.getClassLoader().getResourceAsStream("io/sextant/platform/risk/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
