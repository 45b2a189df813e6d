package io.sextant.platform.authz;

import static io.sextant.platform.authz.PolicyPublishingTests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A version whose rules are API actions only installs no row-level security, so there is nothing
 * for the review board: it is proposed, and a security admin who is neither its author nor its
 * proposer publishes it, audited in the same transaction; every refusal is audited; concurrent
 * approvals publish once.
 */
@PlatformTest
class PolicyApprovalTests {

    /** API rules only; unique per test, since a version is named by its text's hash. */
    static String apiOnly() {
        return """
                rule view_reports: permit reports.view on project when principal.role in ["admin", "member"];
                rule block_risky_exports: forbid contacts.export on project when context.risk >= 80;
                rule probe: permit probe.run on project when principal.role == "%s";
                """.formatted(UUID.randomUUID());
    }

    @Autowired
    Tenants tenants;
    @Autowired
    PolicyService policies;
    @Autowired
    PolicyApprovals approvals;
    @Autowired
    JdbcTemplate jdbc;

    private UUID project() throws Exception {
        return project(IsolationModel.SHARED);
    }

    /** A dedicated project when a board change is left unapplied: it must not hold up a region's shared queue for other tests. */
    private UUID project(IsolationModel isolation) throws Exception {
        return as("alice", "OPERATOR", () -> tenants.provision(tenants.org("team"), "eu-central", isolation)).projectId();
    }

    private long audited(UUID project, String action, String outcome, String actor) {
        return jdbc.queryForObject("select count(*) from ledger.audit_event where target_id = ? and action = ? and outcome = ? and actor = ?",
                Long.class, project.toString(), action, outcome, actor);
    }

    @Test
    void anApiOnlyVersionIsPublishedByASecurityAdminWhoNeitherWroteNorProposedIt() throws Exception {
        UUID project = project();
        String apiOnly = apiOnly();
        PolicyVersion draft = as("alice", "OPERATOR", () -> policies.saveDraft(project, apiOnly, null));
        PolicyProposal proposal = as("carol", "SECURITY_ADMIN", () -> policies.propose(project, draft.versionHash()));
        assertThat(proposal.onReviewBoard()).as("no SQL, so no board change").isFalse();
        assertThat(proposal.version().awaitsApproval()).isTrue();
        assertThat(proposal.version().proposedBy()).isEqualTo("carol");
        assertThat(audited(project, "authz.policy.propose", "succeeded", "carol")).isEqualTo(1);
        assertThat(as("alice", "OPERATOR", () -> approvals.whyNot(proposal.version()))).hasValueSatisfying(w -> assertThat(w)
                .contains("Security admin role"));

        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> approvals.approve(project, draft.versionHash())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Security admin");
        assertThat(audited(project, "authz.policy.approve", "refused", "bob")).as("a role refusal is audited").isEqualTo(1);
        assertThatThrownBy(() -> as("alice", "SECURITY_ADMIN", () -> approvals.approve(project, draft.versionHash())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("author or proposer");
        assertThatThrownBy(() -> as("carol", "SECURITY_ADMIN", () -> approvals.approve(project, draft.versionHash())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("author or proposer");
        assertThat(audited(project, "authz.policy.approve", "refused", "alice") + audited(project, "authz.policy.approve", "refused", "carol"))
                .isEqualTo(2);
        assertThat(as("alice", "SECURITY_ADMIN", () -> approvals.whyNot(proposal.version()))).hasValueSatisfying(w -> assertThat(w)
                .contains("You wrote this version"));
        assertThat(as("alice", "OPERATOR", () -> policies.published(project))).isEmpty();

        assertThat(as("dave", "SECURITY_ADMIN", () -> approvals.whyNot(proposal.version()))).isEmpty();
        PolicyVersion published = as("dave", "SECURITY_ADMIN", () -> approvals.approve(project, draft.versionHash()));
        assertThat(published.state()).isEqualTo("published");
        assertThat(published.publishedBy()).startsWith("dave");
        assertThat(as("alice", "OPERATOR", () -> policies.published(project))).hasValueSatisfying(v -> assertThat(v.versionHash())
                .isEqualTo(draft.versionHash()));
        assertThat(audited(project, "authz.policy.approve", "succeeded", "dave")).isEqualTo(1);
        assertThat(audited(project, "authz.policy.publish", "succeeded", "dave")).isEqualTo(1);
        // the published policy decides
        Decision d = as("alice", "OPERATOR", () -> policies.decide(project, new DecisionRequest("r", new Principal("u", "member", project,
                java.util.Map.of()), "reports.view", "project", java.util.Map.of(), RequestContext.at(java.time.Instant.now()))));
        assertThat(d.effect()).isEqualTo(Effect.ALLOW);

        // the next API-only version supersedes it the same way; rejecting first needs a reason and lets it be proposed again
        PolicyVersion next = as("alice", "OPERATOR", () -> policies.saveDraft(project, apiOnly.replace("\"member\"", "\"member\", \"analyst\""),
                draft.versionHash()));
        as("alice", "OPERATOR", () -> policies.propose(project, next.versionHash()));
        assertThatThrownBy(() -> as("dave", "SECURITY_ADMIN", () -> approvals.reject(project, next.versionHash(), " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(as("dave", "SECURITY_ADMIN", () -> approvals.reject(project, next.versionHash(), "too broad")).state()).isEqualTo("rejected");
        assertThat(audited(project, "authz.policy.reject", "succeeded", "dave")).isEqualTo(1);
        assertThat(as("alice", "OPERATOR", () -> policies.propose(project, next.versionHash())).version().awaitsApproval()).isTrue();
        as("dave", "SECURITY_ADMIN", () -> approvals.approve(project, next.versionHash()));
        assertThat(as("alice", "OPERATOR", () -> policies.version(draft.versionHash())).orElseThrow().state()).isEqualTo("superseded");
        assertThat(as("alice", "OPERATOR", () -> policies.published(project))).hasValueSatisfying(v -> assertThat(v.versionHash())
                .isEqualTo(next.versionHash()));
    }

    @Test
    void refusalsAreAuditedBeforeSayingWhetherTheVersionExistsAndBoardVersionsAreNotApprovedHere() throws Exception {
        UUID project = project(IsolationModel.DEDICATED);
        assertThatThrownBy(() -> as("sue", "SUPPORT", () -> approvals.approve(project, "0".repeat(64)))).isInstanceOf(AccessDeniedException.class);
        assertThat(audited(project, "authz.policy.approve", "refused", "sue")).isEqualTo(1);
        assertThatThrownBy(() -> as("dave", "SECURITY_ADMIN", () -> approvals.approve(project, "0".repeat(64))))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(audited(project, "authz.policy.approve", "refused", "dave")).isEqualTo(1);

        PolicyVersion tableRules = as("alice", "OPERATOR", () -> policies.saveDraft(project,
                "rule members_read: permit select on document when principal.role == \"" + UUID.randomUUID() + "\";", null));
        PolicyProposal onBoard = as("alice", "OPERATOR", () -> policies.propose(project, tableRules.versionHash()));
        assertThat(onBoard.onReviewBoard()).as("row-level security goes to the review board").isTrue();
        assertThat(as("dave", "SECURITY_ADMIN", () -> approvals.whyNot(onBoard.version()))).hasValueSatisfying(w -> assertThat(w)
                .contains("review board"));
        assertThatThrownBy(() -> as("dave", "SECURITY_ADMIN", () -> approvals.approve(project, tableRules.versionHash())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("review board");
        assertThat(as("alice", "OPERATOR", () -> policies.published(project))).isEmpty();
    }

    @Test
    void concurrentApprovalsPublishOnce() throws Exception {
        UUID project = project();
        PolicyVersion draft = as("alice", "OPERATOR", () -> policies.saveDraft(project, apiOnly(), null));
        as("alice", "OPERATOR", () -> policies.propose(project, draft.versionHash()));
        int approvers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(approvers);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < approvers; i++) {
                String who = "sec" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return as(who, "SECURITY_ADMIN", () -> approvals.approve(project, draft.versionHash())).state();
                    } catch (IllegalStateException e) {
                        return "refused: " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn("published"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("refused")).hasSize(approvers - 1)
                    .allSatisfy(o -> assertThat(o).contains("is published"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where target_id = ? and action = 'authz.policy.publish'",
                Long.class, project.toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from authz.policy_version where project_id = ? and state = 'published'", Long.class,
                project)).isEqualTo(1);
    }
}
