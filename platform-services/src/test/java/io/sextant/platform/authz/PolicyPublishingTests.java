package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.changes.ApprovalService;
import io.sextant.platform.changes.ChangeApplier;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.Tenants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Publishing goes through the review board: tests must pass, the generated RLS becomes a change
 * request that a security administrator other than the author approves, and the version is
 * published only once the change is applied. Live decisions are traced, explained and replayed.
 */
@PlatformTest
class PolicyPublishingTests {

    @Autowired
    Tenants tenants;
    @Autowired
    PolicyService policies;
    @Autowired
    ChangeRequestService changes;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ChangeApplier applier;
    @Autowired
    RegionServers regions;

    static <T> T as(String user, String role, Callable<T> work) throws Exception {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    static final String SOURCE = """
            rule owners: permit select, update on document when resource.owner_id == principal.id;
            rule billing: permit billing.update on project when principal.role == "billing-admin";
            """;

    @Test
    void aVersionIsPublishedOnlyThroughTheBoardWithASecurityAdminsApproval() throws Exception {
        ProvisioningResult p = as("alice", "OPERATOR", () -> tenants.provision(tenants.org("team"), "eu-central", IsolationModel.DEDICATED));
        UUID project = p.projectId();
        PolicyVersion draft = as("alice", "OPERATOR", () -> policies.saveDraft(project, SOURCE, null));
        assertThat(draft.state()).isEqualTo("draft");
        assertThat(as("alice", "OPERATOR", () -> policies.saveDraft(project, SOURCE + "\n// same rules\n", null)).versionHash())
                .isEqualTo(draft.versionHash());

        as("alice", "OPERATOR", () -> policies.saveTestSuite(project, "allow billing.update project | role=member tenant=self |\n", 0));
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> policies.propose(project, draft.versionHash())))
                .hasMessageContaining("policy tests fail");
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> policies.saveTestSuite(project, "", 0)))
                .hasMessageContaining("changed by someone else");
        as("alice", "OPERATOR", () -> policies.saveTestSuite(project, "allow billing.update project | role=billing-admin tenant=self |\n"
                + "deny billing.update project | role=member tenant=self |\n", 1));

        ChangeRequest change = as("alice", "OPERATOR", () -> policies.propose(project, draft.versionHash())).change();
        assertThat(change.forwardSql()).contains("create policy").contains("as permissive for update");
        assertThat(as("alice", "OPERATOR", () -> policies.version(draft.versionHash())).orElseThrow().state()).isEqualTo("proposed");

        as("alice", "OPERATOR", () -> changes.check(change.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        ChangeRequest checked = as("alice", "OPERATOR", () -> changes.find(change.changeId())).orElseThrow();
        assertThat(checked.state()).isEqualTo(ChangeState.NEEDS_APPROVAL);
        assertThat(checked.requiredRole()).isEqualTo("SECURITY_ADMIN");
        assertThatThrownBy(() -> as("alice", "SECURITY_ADMIN", () -> approvals.approve(change.changeId(), checked.contentHash())));
        assertThat(as("alice", "OPERATOR", () -> policies.published(project))).isEmpty();

        as("sec", "SECURITY_ADMIN", () -> approvals.approve(change.changeId(), checked.contentHash()));
        as("alice", "OPERATOR", () -> applier.apply(change.changeId()));
        PolicyVersion published = as("alice", "OPERATOR", () -> policies.published(project)).orElseThrow();
        assertThat(published.versionHash()).isEqualTo(draft.versionHash());
        try (Connection c = regions.owner("eu-central", p.credentials().database()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_policies where policyname like 'sx%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        try (Connection c = regions.owner("eu-central", p.credentials().database()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_policies where policyname = 'tenant_all'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("own table rules replace the platform's default access").isZero();
        }
        assertThat(as("alice", "OPERATOR", () -> policies.platformRules(project))).doesNotContain("platform_tenant_all");

        // a live decision under the published version: traced, explained, replayed exactly
        DecisionRequest r = new DecisionRequest("req-1", new Principal("u1", "member", project, Map.of()), "billing.update", "project",
                Map.of(), RequestContext.at(Instant.parse("2026-11-26T10:00:00Z")));
        Decision d = as("alice", "OPERATOR", () -> policies.decide(project, r));
        assertThat(d.effect()).isEqualTo(Effect.DENY);
        Explanation e = as("cora", "COMPLIANCE", () -> policies.explain(d.decisionId().toString()));
        assertThat(e.smallestChange()).containsExactly("needs role billing-admin");
        // replay needs the complete inputs: an operator's explanation (compliance staff get the row's values masked)
        DecisionTrace t = as("alice", "OPERATOR", () -> policies.explain(d.decisionId().toString())).trace();
        DecisionTrace replay = as("cora", "COMPLIANCE", () -> policies.policyOf(t)).trace(Explainer.requestOf(t), t.decisionId(), t.kind(),
                t.projectId(), t.decidedAt());
        assertThat(replay).isEqualTo(t);
        assertThat(as("cora", "COMPLIANCE", () -> policies.recentDecisions(project, Duration.ofDays(3650), TraceKind.LIVE, 10)))
                .extracting(x -> x.trace().decisionId()).contains(d.decisionId());
        // impact of a candidate on the recorded decisions: the member's refusal flips; the replays are recorded too
        PolicyVersion looser = as("alice", "OPERATOR", () -> policies.saveDraft(project,
                SOURCE.replace("principal.role == \"billing-admin\"", "principal.role in [\"billing-admin\", \"member\"]"), draft.versionHash()));
        ImpactReport impact = as("alice", "OPERATOR", () -> policies.impact(project, looser.versionHash(), Duration.ofDays(3650)));
        assertThat(impact.replayed()).isEqualTo(1);
        assertThat(impact.flips()).singleElement().satisfies(f -> {
            assertThat(f.decisionId()).isEqualTo(d.decisionId().toString());
            assertThat(f.before()).isEqualTo(Effect.DENY);
            assertThat(f.after()).isEqualTo(Effect.ALLOW);
            assertThat(f.decidingRulesAfter()).containsExactly("billing");
        });
        assertThat(as("alice", "OPERATOR", () -> policies.recentDecisions(project, Duration.ofDays(3650), TraceKind.REPLAY, 10)))
                .singleElement().satisfies(t2 -> assertThat(t2.trace().requestId()).isEqualTo(d.decisionId().toString()));
        assertThatThrownBy(() -> as("cora", "COMPLIANCE", () -> policies.explain("not-a-decision"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a decision id");
        assertThatThrownBy(() -> as("cora", "COMPLIANCE", () -> policies.explain(UUID.randomUUID().toString())))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> as("cora", "COMPLIANCE", () -> policies.saveDraft(project, SOURCE, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void onSharedTablesPublishedRulesReplaceTheDefaultAccessButNotTheTenantBoundary() throws Exception {
        ProvisioningResult a = as("alice", "OPERATOR", () -> tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED));
        ProvisioningResult b = as("alice", "OPERATOR", () -> tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED));
        String u1;
        String u2;
        try (Connection c = tenants.login(a.credentials()); Statement st = c.createStatement()) {
            u1 = insertUser(st, "u1@example.com");
            u2 = insertUser(st, "u2@example.com");
            st.execute("insert into tenant_data.document (owner_id, title) values ('" + u1 + "', 'mine'), ('" + u2 + "', 'theirs')");
        }
        String source = "rule owners: permit select, update on document when resource.owner_id == principal.id;";
        PolicyVersion v = as("alice", "OPERATOR", () -> policies.saveDraft(a.projectId(), source, null));
        // what-if before publishing: only the owner's row
        var whatIf = as("alice", "OPERATOR", () -> simulator.simulate(select(a.projectId(), a.projectId(), u1, source)));
        assertThat(whatIf.predictedRows()).hasSize(1);

        ChangeRequest change = as("alice", "OPERATOR", () -> policies.propose(a.projectId(), v.versionHash())).change();
        assertThat(change.targetId()).isEqualTo("region:eu-central");
        assertThat(change.forwardSql()).contains("set own_policy = true");
        as("alice", "OPERATOR", () -> changes.check(change.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        ChangeRequest checked = as("alice", "OPERATOR", () -> changes.find(change.changeId())).orElseThrow();
        assertThat(checked.state()).as(String.valueOf(checked.stateReason())).isEqualTo(ChangeState.NEEDS_APPROVAL);
        as("sec", "SECURITY_ADMIN", () -> approvals.approve(change.changeId(), checked.contentHash()));
        as("alice", "OPERATOR", () -> applier.apply(change.changeId()));
        assertThat(as("alice", "OPERATOR", () -> policies.published(a.projectId()))).isPresent();

        var live = as("alice", "OPERATOR", () -> simulator.simulate(select(a.projectId(), a.projectId(), u1, null)));
        assertThat(live.databaseRows()).hasSize(1);
        assertThat(live.agrees()).as(live.summary()).isTrue();
        var other = as("alice", "OPERATOR", () -> simulator.simulate(select(a.projectId(), b.projectId(), u1, null)));
        assertThat(other.databaseRows()).isEmpty();
        assertThat(other.agrees()).as(other.summary()).isTrue();
        // tenant B still has the platform's default access to its own rows
        try (Connection c = tenants.login(b.credentials()); Statement st = c.createStatement()) {
            st.execute("insert into tenant_data.document (title) values ('b doc')");
            try (ResultSet rs = st.executeQuery("select count(*) from tenant_data.document")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Autowired
    PolicySimulator simulator;

    private static String insertUser(Statement st, String email) throws Exception {
        try (ResultSet rs = st.executeQuery("insert into tenant_data.app_user (email) values ('" + email + "') returning id")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Simulation.Request select(UUID target, UUID principalProject, String subject, String draft) {
        return new Simulation.Request(target, principalProject, "member", subject, Map.of(), RequestContext.at(Instant.parse("2026-11-26T10:00:00Z")),
                Simulation.Command.SELECT, "document", Map.of(), Map.of(), draft);
    }
}
