package io.sextant.platform.changes;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schema in view: the tree a change author sees (bounded, filtered, qualified), the lint a
 * submit shows (unknown-table against live relations and the changes queued before), and the
 * search_path a change really runs with.
 */
@PlatformTest
class SchemaInViewTests {

    static final String DOCUMENTS = """
            create table document (id bigint primary key, title text not null, body text);
            create table items (id bigint primary key, label text not null);
            create view recent as select id, title from document;
            """;

    @Autowired
    TargetSchemaService schema;
    @Autowired
    ChangeRequestService changes;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ChangeApplier applier;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theTreeListsQualifiedRelationsWithColumnsTypesNullabilityAndKeys() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_tree", DOCUMENTS);
        SchemaTree tree = as("olga", "OPERATOR", () -> schema.tree(t.targetId(), "", 100));
        assertThat(tree.searchPath()).containsExactly("app");
        assertThat(tree.schemas()).containsExactly(new SchemaTree.Schema("app", 3));
        assertThat(tree.tables()).extracting(SchemaTree.Table::qualifiedName).containsExactly("app.document", "app.items", "app.recent");
        assertThat(tree.tables().get(2).kind()).isEqualTo("view");
        assertThat(tree.tables().getFirst().columns()).containsExactly(
                new SchemaTree.Column("id", "bigint", false, true),
                new SchemaTree.Column("title", "text", false, false),
                new SchemaTree.Column("body", "text", true, false));
        assertThat(tree.truncated()).isFalse();

        assertThat(as("sam", "SECURITY_ADMIN", () -> schema.tree(t.targetId(), "TITLE", 100)).tables())
                .as("a column name matches too, in any case").extracting(SchemaTree.Table::qualifiedName)
                .containsExactly("app.document", "app.recent");
        assertThat(as("olga", "OPERATOR", () -> schema.tree(t.targetId(), "%", 100)).tables())
                .as("the filter is a plain substring, not a pattern").isEmpty();
    }

    @Test
    void anEmptyTargetAndAHugeOneAnswerBounded() throws Exception {
        DatabaseTarget empty = TestTargets.create("chg_tree_empty", "select 1");
        SchemaTree none = as("olga", "OPERATOR", () -> schema.tree(empty.targetId(), "", 100));
        assertThat(none.schemas()).containsExactly(new SchemaTree.Schema("app", 0));
        assertThat(none.tables()).isEmpty();

        DatabaseTarget big = TestTargets.create("chg_tree_big", """
                do $$ begin for i in 1..3000 loop execute format('create table t%s (id bigint primary key, v text)', i); end loop; end $$;
                """);
        long start = System.nanoTime();
        SchemaTree page = as("olga", "OPERATOR", () -> schema.tree(big.targetId(), "", 10_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(page.tables()).hasSize(TargetSchemaService.MAX_TABLES);
        assertThat(page.matching()).isEqualTo(3000);
        assertThat(page.truncated()).isTrue();
        assertThat(millis).as("one bounded page of 3,000 tables").isLessThan(3_000);
        SchemaTree one = as("olga", "OPERATOR", () -> schema.tree(big.targetId(), "t2999", 50));
        assertThat(one.tables()).extracting(SchemaTree.Table::qualifiedName).containsExactly("app.t2999");
        assertThat(one.matching()).isEqualTo(1);
    }

    @Test
    void onlyOperatorsAndSecurityAdminsSeeTheTreeOrLintADraftAndRefusalsAreAudited() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_tree_roles", DOCUMENTS);
        for (String role : List.of("SUPPORT", "COMPLIANCE")) {
            assertThatThrownBy(() -> as("eve", role, () -> schema.tree(t.targetId(), "", 10)))
                    .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
            assertThatThrownBy(() -> as("eve", role, () -> schema.lintDraft(t.targetId(), "select 1")))
                    .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        }
        List<String> refused = tx.execute(st -> dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_ID.eq(t.targetId()), AUDIT_EVENT.OUTCOME.eq("refused")).orderBy(AUDIT_EVENT.SEQ)
                .fetch(AUDIT_EVENT.ACTION));
        assertThat(refused).containsExactly("changes.schema.read", "changes.change.lint", "changes.schema.read",
                "changes.change.lint");
        assertThatThrownBy(() -> schema.tree(t.targetId(), "", 10))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-authenticated"));
        assertThatThrownBy(() -> as("olga", "OPERATOR", () -> schema.tree("no-such-target", "", 10)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("unknown-target"));
    }

    @Test
    void aDraftNamingATableThatDoesNotExistGetsTheNearestNameAndQueuedChangesCount() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_unknown", DOCUMENTS);
        LintReport typo = as("olga", "OPERATOR", () -> schema.lintDraft(t.targetId(), "alter table app.documnet add column note text"));
        assertThat(typo.findings()).filteredOn(f -> f.ruleId().equals("unknown-table")).singleElement()
                .satisfies(f -> assertThat(f.safeRewrite()).startsWith("Did you mean app.document?"));
        assertThat(as("olga", "OPERATOR", () -> schema.lintDraft(t.targetId(), "update document set body = '' where body is null"))
                .findings()).noneMatch(f -> f.ruleId().equals("unknown-table"));

        String usesInvoice = "alter table app.invoice add column total numeric";
        assertThat(as("olga", "OPERATOR", () -> schema.lintDraft(t.targetId(), usesInvoice)).findings())
                .anyMatch(f -> f.ruleId().equals("unknown-table"));
        ChangeRequest queued = as("olga", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "invoices",
                "create table app.invoice (id bigint primary key)", null)));
        assertThat(as("olga", "OPERATOR", () -> schema.lintDraft(t.targetId(), usesInvoice)).findings())
                .as("created by a change queued before it").noneMatch(f -> f.ruleId().equals("unknown-table"));
        as("olga", "OPERATOR", () -> changes.reject(queued.changeId(), "not now"));
        assertThat(as("olga", "OPERATOR", () -> schema.lintDraft(t.targetId(), usesInvoice)).findings())
                .as("a rejected change never runs").anyMatch(f -> f.ruleId().equals("unknown-table"));
    }

    @Test
    void aChangeRunsWithTheStatedSearchPathInTheShadowAndAtApply() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_search_path", DOCUMENTS);
        String sql = "create table note (id bigint generated always as identity primary key, document_id bigint);\n"
                + "insert into note (document_id) select id from document";
        ChangeRequest c = as("alice", "OPERATOR", () -> changes.submit(new ChangeSubmission(t.targetId(), 1, "notes", sql, null)));
        ChangeCheckResult r = as("alice", "OPERATOR", () -> changes.check(c.changeId(), ShadowOptions.defaults(), ShadowProgressListener.NONE));
        assertThat(r.shadow().failure()).as("unqualified document resolves to app.document").isNull();
        assertThat(r.shadow().statements().getFirst().catalogChanges()).anyMatch(s -> s.contains("app.note"));
        ChangeRequest now = as("alice", "OPERATOR", () -> changes.find(c.changeId()).orElseThrow());
        if (now.state() == ChangeState.NEEDS_APPROVAL) {
            as("bob", "OPERATOR", () -> approvals.approve(c.changeId(), c.contentHash()));
        }
        assertThat(as("bob", "OPERATOR", () -> applier.apply(c.changeId())).state()).isEqualTo(ChangeState.APPLIED);
        try (Connection live = TestTargets.connect(t); Statement st = live.createStatement();
             ResultSet rs = st.executeQuery("select to_regclass('app.note') is not null, to_regclass('public.note') is null")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("created in the first schema of the stated path").isTrue();
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }
}
