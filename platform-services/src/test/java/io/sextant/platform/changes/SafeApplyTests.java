package io.sextant.platform.changes;

import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.PlatformTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.jdbc.core.JdbcTemplate;

/** Safe apply on a live target: lock-timeout retries, leftover invalid indexes, fail-closed advisors, drift, suggestions. */
@PlatformTest
@WithMockUser(username = "olga", roles = "OPERATOR")
class SafeApplyTests {

    @Autowired
    ChangeRequestService changes;
    @Autowired
    ChangeApplier applier;
    @Autowired
    DriftService drift;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    JdbcTemplate jdbc;

    ChangeRequest approvedChange(ChangeTarget t, int version, String sql) throws Exception {
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), version, "test", sql, null)));
        ChangeCheckResult r = as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThat(r.risk().blocked()).as(r.risk().reasons().toString()).isFalse();
        ChangeRequest now = changes.find(c.changeId()).orElseThrow();
        if (now.state() == ChangeState.NEEDS_APPROVAL) {
            now = as("bob", "OPERATOR", () -> new Object() {
                ChangeRequest go(ApprovalService a) {
                    return a.approve(c.changeId(), c.contentHash());
                }
            }.go(approvals));
        }
        assertThat(now.state()).isEqualTo(ChangeState.APPROVED);
        return now;
    }

    @Autowired
    ApprovalService approvals;
    @Autowired
    org.springframework.core.env.Environment env;
    @Autowired
    io.sextant.platform.audit.AuditQuery auditQuery;

    @Test
    void retriesAfterLockTimeoutWhileAnotherSessionHoldsTheTable() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_retry", ChangeBoardTests.ITEMS);
        ChangeRequest c = approvedChange(t, 1, "alter table app.items add column flag boolean");
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            try (Connection h = TestTargets.connect(t); Statement st = h.createStatement()) {
                h.setAutoCommit(false);
                st.execute("lock table app.items in access share mode");
                st.execute("select count(*) from app.items");
                locked.countDown();
                Thread.sleep(3_000);
                h.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        locked.await();
        long start = System.nanoTime();
        ApplyResult r = as("bob", "OPERATOR", () -> applier.apply(c.changeId()));
        holder.join();
        assertThat(r.failure()).isNull();
        assertThat(r.state()).isEqualTo(ChangeState.APPLIED);
        assertThat(r.attempts()).isGreaterThan(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(2_000);
        assertThat(ChangeBoardTests.columns(t)).contains("flag");
        assertThat(r.flagged()).isFalse();
        assertThat(r.advisors()).allMatch(a -> a.status() == AdvisorResult.Status.PASSED);
    }

    @Test
    void dropsLeftoverInvalidIndexBeforeBuildingItAgain() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_invalid", ChangeBoardTests.ITEMS + """
                insert into items values (100001, 'item 1', null);
                """);
        try {
            TestTargets.exec(t, "create unique index concurrently items_label_key on app.items (label)");
        } catch (java.sql.SQLException expected) {
            // duplicate labels: the build fails and leaves an INVALID index behind, as an interrupted build would
        }
        assertThat(valid(t, "app.items_label_key")).isFalse();
        TestTargets.exec(t, "delete from app.items where id = 100001");
        ChangeRequest c = approvedChange(t, 1, "create unique index concurrently items_label_key on app.items (label)");
        ApplyResult r = as("bob", "OPERATOR", () -> applier.apply(c.changeId()));
        assertThat(r.failure()).isNull();
        assertThat(valid(t, "app.items_label_key")).isTrue();
    }

    @Test
    void failingAdvisorFlagsTheChangeRaisesAnAlertAndOffersTheRollback() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_advisor", ChangeBoardTests.ITEMS);
        ChangeRequest c = approvedChange(t, 1, "create table app.events (at timestamptz not null, item_id bigint references app.items (id))");
        ApplyResult r = as("bob", "OPERATOR", () -> applier.apply(c.changeId()));
        assertThat(r.state()).isEqualTo(ChangeState.APPLIED);
        assertThat(r.flagged()).isTrue();
        assertThat(r.advisors()).anySatisfy(a -> {
            assertThat(a.check()).isEqualTo("primary-keys");
            assertThat(a.findings()).containsExactly("app.events: no primary key");
        });
        assertThat(r.advisors()).anySatisfy(a -> assertThat(a.findings()).anyMatch(f -> f.contains("has no index")));
        assertThat(r.offeredRollback()).contains("drop table app.events");
        assertThat(ChangeBoardTests.columns(t)).contains("note");
        assertThat(changes.find(c.changeId()).orElseThrow().flagged()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ops.alert where subject_id = ?", Integer.class, c.changeId())).isEqualTo(1);
        assertThat(TestTargets.snapshot(t).objects()).containsKey("table:app.events");
    }

    @Test
    void driftShowsWhatChangedOutsideTheBoardAsDdl() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_drift", ChangeBoardTests.ITEMS);
        assertThat(drift.drift(t.targetId()).baselineVersion()).isNull();
        ChangeRequest c = approvedChange(t, 1, "create index concurrently items_label on app.items (label)");
        as("bob", "OPERATOR", () -> applier.apply(c.changeId()));
        assertThat(drift.drift(t.targetId()).drifted()).isFalse();

        TestTargets.exec(t, "create index items_note on app.items (note); drop index app.items_label");
        DriftReport d = drift.drift(t.targetId());
        assertThat(d.baselineVersion()).isEqualTo(1);
        assertThat(d.items()).extracting(DriftReport.DriftItem::kind, DriftReport.DriftItem::ddl).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(DriftReport.DriftItem.Kind.MISSING, "CREATE INDEX items_label ON app.items USING btree (label)"),
                org.assertj.core.groups.Tuple.tuple(DriftReport.DriftItem.Kind.UNEXPECTED, "CREATE INDEX items_note ON app.items USING btree (note)"));

        // An apply whose post-apply snapshot failed records the error: it never becomes the baseline.
        ChangeRequest c2 = approvedChange(t, 2, "create index concurrently items_id_label on app.items (id, label)");
        as("bob", "OPERATOR", () -> applier.apply(c2.changeId()));
        try (Connection owner = java.sql.DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", ""));
             var ps = owner.prepareStatement("update ops.change_applied set schema_snapshot = '{\"error\": \"snapshot failed: gone\"}' "
                     + "where target_id = ? and sequence = 2")) {
            ps.setString(1, t.targetId());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        DriftReport afterFailedSnapshot = drift.drift(t.targetId());
        assertThat(afterFailedSnapshot.baselineVersion()).isEqualTo(1);
        assertThat(afterFailedSnapshot.items()).extracting(DriftReport.DriftItem::ddl)
                .contains("CREATE INDEX items_id_label ON app.items USING btree (id, label)");
    }

    @Test
    void suggestionIsLoggedAndOnlyEntersTheBoardWhenAccepted() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_suggest", ChangeBoardTests.ITEMS);
        ChangeRequest risky = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "index + not null",
                "create index items_note on app.items (note);\nalter table app.items alter column note set not null;", null)));
        Suggestion s = as("bob", "OPERATOR", () -> suggestions.suggest(risky.changeId(), null));
        assertThat(s.provider()).isEqualTo("rules");
        assertThat(s.suggestedSql()).contains("set lock_timeout", "create index concurrently items_note",
                "check (note is not null) not valid", "validate constraint items_note_not_null", "set not null", "drop constraint items_note_not_null");
        assertThat(changes.find(risky.changeId()).orElseThrow().state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(changes.list(t.targetId())).hasSize(1);
        assertThat(suggestions.suggestions(risky.changeId())).hasSize(1);

        ChangeRequest candidate = as("bob", "OPERATOR", () -> suggestions.accept(s.suggestionId()));
        assertThat(candidate.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(candidate.sequence()).isEqualTo(1);
        assertThat(candidate.author()).isEqualTo("bob");
        assertThat(changes.find(risky.changeId()).orElseThrow().state()).isEqualTo(ChangeState.REJECTED);
        // the rewrite holds the original's place: the original cannot come back by revision (revise the rewrite instead)
        assertThatThrownBy(() -> as("alice", "OPERATOR", () -> changes.revise(risky.changeId(), changes.find(risky.changeId()).orElseThrow().version(),
                "create index concurrently items_note on app.items (note)", null, null)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("place-taken"));
        assertThat(changes.queue(t.targetId())).filteredOn(q -> q.change().changeId().equals(risky.changeId())).singleElement()
                .satisfies(q -> assertThat(q.waiting()).contains("replaced at its place by change " + candidate.changeId().substring(0, 12)));
        ChangeCheckResult checked = as("bob", "OPERATOR", () -> changes.check(candidate.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThat(checked.shadow().failure()).isNull();
        assertThat(checked.shadow().statements()).noneMatch(m -> m.locks().stream()
                .anyMatch(l -> l.relation().equals("app.items") && l.mode().equals("SHARE")));

        // Behind the same gates: neither the original's author nor the one who accepted may approve the rewrite.
        for (String who : List.of("alice", "bob")) {
            assertThatThrownBy(() -> as(who, "OPERATOR", () -> approvals.approve(candidate.changeId(), candidate.contentHash())))
                    .as(who).isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("self-approval"));
        }
        as("carol", "OPERATOR", () -> approvals.approve(candidate.changeId(), candidate.contentHash()));
    }

    @Test
    void aSuggestionComesWithItsLintAndItsOutputProviderAndModelLandInTheAuditChain() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_suggest_gate", ChangeBoardTests.ITEMS);
        ChangeRequest risky = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "index",
                "create index items_label on app.items (label)", null)));
        Suggestion s = as("dora", "SUPPORT", () -> suggestions.suggest(risky.changeId(), null));
        assertThat(s.lint()).as("linted before it is shown").isNotNull();
        assertThat(s.lint().findings()).extracting(LintFinding::ruleId).doesNotContain("require-concurrent-index-creation");
        assertThat(as("dora", "SUPPORT", () -> suggestions.suggestions(risky.changeId()))).singleElement()
                .satisfies(x -> assertThat(x.lint().statementCount()).isEqualTo(s.lint().statementCount()));
        var made = as("sam", "SECURITY_ADMIN", () -> auditQuery.find(new io.sextant.platform.audit.AuditFilter(null,
                "changes.suggestion.made", null, null, "change", risky.changeId()), null, 10)).events();
        assertThat(made).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("provider", "rules").containsEntry("model", "rules/" + MigrationLinter.ENGINE_VERSION)
                    .containsEntry("output", s.suggestedSql());
        });
        assertThatThrownBy(() -> as("dora", "SUPPORT", () -> suggestions.accept(s.suggestionId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThat(changes.find(risky.changeId()).orElseThrow().state()).isEqualTo(ChangeState.SUBMITTED);
    }

    static boolean valid(ChangeTarget t, String index) throws Exception {
        try (Connection c = TestTargets.connect(t); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("select indisvalid from pg_index where indexrelid = '" + index + "'::regclass")) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
