package io.sextant.platform.changes;

import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The board end to end on real PostgreSQL: ids, ordering, gates, approvals, exactly-once apply. */
@PlatformTest
@WithMockUser(username = "olga", roles = "OPERATOR")
class ChangeBoardTests {

    static final String ITEMS = """
            create table items (id bigint primary key, label text not null, note text);
            insert into items select g, 'item ' || g, 'note ' || g from generate_series(1, 2000) g;
            analyze;
            """;

    @Autowired
    ChangeRequestService changes;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ChangeApplier applier;
    @Autowired
    RollbackVerifier rollbacks;

    @Test
    void idIsDeterministicAndOrderingIsChecked() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_order", ITEMS);
        ChangeRequest first = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "index",
                "create index concurrently items_label on app.items (label)", null)));
        ChangeRequest again = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "index",
                "-- same change, reformatted\nCREATE INDEX   CONCURRENTLY items_label\n  ON app.items (label);", null)));
        assertThat(again.changeId()).isEqualTo(first.changeId());
        assertThat(first.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(ContentHashes.of("select 'A'")).isNotEqualTo(ContentHashes.of("select 'a'"));

        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 3, "gap",
                "alter table app.items add column x int", null))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("sequence-gap"));
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "dup",
                "alter table app.items add column x int", null))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("duplicate-sequence"));
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission("nowhere", 1, "x",
                "select 1", null))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("unknown-target"));
    }

    @Test
    void rollbackThatLosesDataIsCaughtAndDerivedRollbacksRoundTrip() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_rollback", ITEMS);
        RollbackCheck lossy = rollbacks.verify(t.targetId(), "alter table app.items drop column note",
                "alter table app.items add column note text", 10_000);
        assertThat(lossy.status()).isEqualTo(RollbackCheck.Status.DIFFERS);
        assertThat(lossy.schemaDifferences()).isEmpty();
        assertThat(lossy.dataDifferences()).singleElement().asString().contains("app.items");

        RollbackCheck derived = rollbacks.verify(t.targetId(), """
                create index concurrently items_label on app.items (label);
                alter table app.items add column flag boolean;
                alter table app.items enable row level security;
                create policy items_read on app.items for select using (id > 0);
                """, null, 10_000);
        assertThat(derived.status()).isEqualTo(RollbackCheck.Status.VERIFIED);
        assertThat(derived.derived()).isTrue();
        assertThat(derived.rollbackSql()).contains("drop policy items_read on app.items", "disable row level security",
                "drop column flag", "drop index concurrently if exists app.items_label");
        assertThat(derived.dataLoss()).singleElement().asString().contains("flag");

        RollbackCheck irreversible = rollbacks.verify(t.targetId(), "alter table app.items drop column note", null, 10_000);
        assertThat(irreversible.status()).isEqualTo(RollbackCheck.Status.IRREVERSIBLE);
        assertThat(irreversible.irreversible()).singleElement().asString().contains("drop column note");
    }

    @Test
    void revisionAfterApprovalVoidsTheApproval() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_edit", ITEMS);
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "rename",
                "alter table app.items rename column label to title", null)));
        ChangeCheckResult checked = as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThat(checked.risk().needsApproval()).isTrue();
        assertThat(checked.rollback().status()).isEqualTo(RollbackCheck.Status.VERIFIED);
        assertThat(changes.find(c.changeId()).orElseThrow().state()).isEqualTo(ChangeState.NEEDS_APPROVAL);
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("self-approval"));

        ChangeRequest approved = as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash()));
        assertThat(approved.state()).isEqualTo(ChangeState.APPROVED);

        ChangeRequest edited = as("alice", "OPERATOR", () -> changes.revise(c.changeId(), approved.version(),
                "alter table app.items rename column label to name", null, "a better name"));
        assertThat(edited.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(edited.contentHash()).isNotEqualTo(c.contentHash());
        assertThat(approvals.currentApprovals(c.changeId())).isEmpty();
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("content-changed"));
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> applier.apply(c.changeId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-approved"));
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> changes.revise(c.changeId(), approved.version(), "select 1", null, null)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("stale-version"));
    }

    @Test
    void securityRelevantChangeNeedsSecurityAdmin() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_security", ITEMS);
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "rls",
                "alter table app.items enable row level security;\ncreate policy items_read on app.items for select using (id > 0);", null)));
        as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThat(changes.find(c.changeId()).orElseThrow().requiredRole()).isEqualTo("SECURITY_ADMIN");
        // "waiting for my approval" (the home page's list) names it only to those who may approve it
        assertThat(as("sam", "SECURITY_ADMIN", () -> changes.awaitingMyApproval(200))).extracting(ChangeRequest::changeId).contains(c.changeId());
        assertThat(as("bob", "OPERATOR", () -> changes.awaitingMyApproval(200))).extracting(ChangeRequest::changeId).doesNotContain(c.changeId());
        assertThat(as("alice", "SECURITY_ADMIN", () -> changes.awaitingMyApproval(200))).extracting(ChangeRequest::changeId).doesNotContain(c.changeId());
        assertThatThrownBy(() -> as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThat(as("sam", "SECURITY_ADMIN", () -> approvals.approve(c.changeId(), c.contentHash())).state()).isEqualTo(ChangeState.APPROVED);
    }

    @Test
    void concurrentApproversAndAppliersApplyExactlyOnce() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_once", ITEMS);
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "add column",
                "alter table app.items drop column note", null)));
        as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThat(changes.find(c.changeId()).orElseThrow().state()).isEqualTo(ChangeState.NEEDS_APPROVAL);

        List<Object> approveOutcomes = race(List.of(
                () -> as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash())),
                () -> as("carol", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash()))));
        assertThat(approveOutcomes).allMatch(o -> o instanceof ChangeRequest r && r.state() == ChangeState.APPROVED);
        assertThat(approvals.currentApprovals(c.changeId())).hasSize(2);

        List<Object> applyOutcomes = race(List.of(
                () -> as("bob", "OPERATOR", () -> applier.apply(c.changeId())),
                () -> as("carol", "OPERATOR", () -> applier.apply(c.changeId()))));
        assertThat(applyOutcomes).filteredOn(o -> o instanceof ApplyResult r && r.state() == ChangeState.APPLIED).hasSize(1);
        assertThat(applyOutcomes).filteredOn(o -> o instanceof ChangeRefusedException e && e.reason().equals("not-approved")).hasSize(1);
        assertThat(changes.find(c.changeId()).orElseThrow().state()).isEqualTo(ChangeState.APPLIED);
        assertThat(columns(t)).containsExactly("id", "label");
    }

    /** Starts all at once; each outcome is the result or the exception. */
    static List<Object> race(List<Callable<Object>> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(work.size())) {
            for (Callable<Object> w : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return w.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    static List<String> columns(ChangeTarget t) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestTargets.connect(t); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("select attname from pg_attribute where attrelid = 'app.items'::regclass and attnum > 0 and not attisdropped order by attnum")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
