package io.sextant.platform.risk;

import static io.sextant.platform.risk.RiskFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Tenants;
import io.sextant.platform.tenancy.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Model versions publish through review: an operator proposes, a security administrator other than
 * the author approves, audited in the same transaction; two approvals racing for one project end
 * with one published version and one clear conflict. Reading scores follows the tenant-data rule.
 */
@PlatformTest
class RiskModelPublishingTests {

    @Autowired
    RiskFixture fixture;
    @Autowired
    RiskModelService models;
    @Autowired
    RiskScoreService scores;
    @Autowired
    Tenants tenants;
    @Autowired
    JdbcTemplate jdbc;

    static final String V1 = "threshold 50;\nfeature new_device weight 60 when value == 1;\n";
    static final String V2 = "threshold 50;\nfeature new_device weight 40 when value == 1;\nfeature amount weight 20 when value >= 100;\n";
    static final String V3 = "threshold 60;\nfeature new_device weight 40 when value == 1;\n";

    long audits(String action, UUID project) {
        return jdbc.queryForObject("select count(*) from ledger.audit_event where action = ? and target_id = ?", Long.class, action, project.toString());
    }

    @Test
    void aVersionIsPublishedByASecurityAdminWhoDidNotWriteIt() {
        UUID project = fixture.project();
        RiskModelVersion draft = as("alice", "OPERATOR", () -> models.saveDraft(project, V1));
        assertThat(as("alice", "OPERATOR", () -> models.saveDraft(project, "// same\n" + V1)).versionHash()).isEqualTo(draft.versionHash());
        assertThat(audits("risk.model.draft", project)).isEqualTo(1);
        assertThatThrownBy(() -> as("bob", "SUPPORT", () -> models.propose(project, draft.versionHash()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sam", "SECURITY_ADMIN", () -> models.approve(project, draft.versionHash(), 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only a proposed version");
        as("alice", "OPERATOR", () -> models.propose(project, draft.versionHash()));
        assertThatThrownBy(() -> as("alice", "OPERATOR,SECURITY_ADMIN", () -> models.approve(project, draft.versionHash(), 0)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("cannot approve");
        assertThatThrownBy(() -> as("olga", "OPERATOR", () -> models.approve(project, draft.versionHash(), 0))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'risk.model.publish' and outcome = 'refused' "
                + "and target_id = ?", Long.class, project.toString())).isGreaterThanOrEqualTo(2);
        RiskModelVersion published = as("sam", "SECURITY_ADMIN", () -> models.approve(project, draft.versionHash(), 0));
        assertThat(published.state()).isEqualTo("published");
        assertThat(published.decidedBy()).isEqualTo("sam");
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'risk.model.publish' and outcome = 'succeeded' "
                + "and target_id = ?", Long.class, project.toString())).isEqualTo(1);
        assertThat(as("carl", "COMPLIANCE", () -> models.publicationVersion(project))).isEqualTo(1);

        RiskModelVersion next = as("alice", "OPERATOR", () -> models.saveDraft(project, V2));
        as("alice", "OPERATOR", () -> models.propose(project, next.versionHash()));
        as("sam", "SECURITY_ADMIN", () -> models.approve(project, next.versionHash(), 1));
        assertThat(as("carl", "COMPLIANCE", () -> models.versions(project))).extracting(RiskModelVersion::state)
                .containsExactlyInAnyOrder("published", "superseded");
        assertThat(as("carl", "COMPLIANCE", () -> models.published(project)).orElseThrow().versionHash()).isEqualTo(next.versionHash());

        // going back to the first version is a proposal and an approval like any other
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> models.propose(project, next.versionHash())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is published");
        as("alice", "OPERATOR", () -> models.propose(project, draft.versionHash()));
        as("sam", "SECURITY_ADMIN", () -> models.approve(project, draft.versionHash(), 2));
        assertThat(as("carl", "COMPLIANCE", () -> models.published(project)).orElseThrow().versionHash()).isEqualTo(draft.versionHash());
    }

    @Test
    void twoApprovalsAtOnceEndWithOnePublishedVersionAndOneConflict() throws Exception {
        UUID project = fixture.project();
        fixture.publish(project, V1);
        List<RiskModelVersion> proposed = new ArrayList<>();
        for (String text : List.of(V2, V3)) {
            RiskModelVersion v = as("alice", "OPERATOR", () -> models.saveDraft(project, text));
            proposed.add(as("alice", "OPERATOR", () -> models.propose(project, v.versionHash())));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Object>> runs = new ArrayList<>();
        String[] approvers = {"sam", "sue"};
        for (int i = 0; i < 2; i++) {
            String hash = proposed.get(i).versionHash();
            String who = approvers[i];
            runs.add(CompletableFuture.supplyAsync(() -> as(who, "SECURITY_ADMIN", () -> {
                start.await();
                try {
                    return models.approve(project, hash, 1);
                } catch (RuntimeException e) {
                    return e;
                }
            })));
        }
        List<Object> outcomes = runs.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(o -> o instanceof RiskModelVersion).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof VersionConflictException).hasSize(1)
                .allMatch(o -> ((Exception) o).getMessage().contains("changed by someone else"));
        RiskModelVersion winner = (RiskModelVersion) outcomes.stream().filter(o -> o instanceof RiskModelVersion).findFirst().orElseThrow();
        List<RiskModelVersion> all = as("carl", "COMPLIANCE", () -> models.versions(project));
        assertThat(all).filteredOn(v -> v.state().equals("published")).extracting(RiskModelVersion::versionHash).containsExactly(winner.versionHash());
        assertThat(all).filteredOn(v -> v.state().equals("proposed")).hasSize(1);
        assertThat(as("carl", "COMPLIANCE", () -> models.publicationVersion(project))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'risk.model.publish' and outcome = 'refused' "
                + "and target_id = ? and details->>'reason' = 'published-meanwhile'", Long.class, project.toString())).isEqualTo(1);
    }

    @Test
    void scoresReachOnlyTheRolesThatMaySeeTheTenantsData() {
        UUID regulated = as("alice", "OPERATOR", () -> tenants.provisionWithData("eu-central", IsolationModel.SHARED, DataClass.PAYMENT));
        fixture.publish(regulated, V2);
        RiskScore s = as("alice", "OPERATOR", () -> scores.score(regulated, RiskFixture.request("p1", 250_000L, null, "d", null, null,
                Instant.parse("2026-11-02T10:00:00Z"))));
        assertThat(s.contributions()).filteredOn(c -> c.feature().equals("amount")).first().satisfies(c -> {
            assertThat(c.value()).isEqualTo(250_000L);
            assertThat(c.words()).isEqualTo("amount 250");
        });
        RiskScore masked = as("carl", "COMPLIANCE", () -> scores.find(s.scoreId())).orElseThrow();
        assertThat(masked.valuesMasked()).isTrue();
        assertThat(masked.contributions()).filteredOn(c -> c.feature().equals("amount")).first().satisfies(c -> {
            assertThat(c.value()).isNull();
            assertThat(c.words()).isEqualTo("amount •••");
            assertThat(c.points()).isEqualTo(20_000L);
        });
        assertThatThrownBy(() -> as("bob", "SUPPORT", () -> scores.recent(regulated, 10))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("regulated data");
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'risk.score.read' and outcome = 'refused' "
                + "and target_id = ?", Long.class, regulated.toString())).isEqualTo(1);
        UUID plain = fixture.project();
        fixture.publish(plain, V1);
        as("alice", "OPERATOR", () -> scores.score(plain, RiskFixture.request("p1", null, null, "d", null, null, Instant.parse("2026-11-02T10:00:00Z"))));
        assertThat(as("bob", "SUPPORT", () -> scores.recent(plain, 10))).hasSize(1).allMatch(x -> !x.valuesMasked());
    }
}
