package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Lint says what PostgreSQL would say: a script PostgreSQL cannot parse is refused at submit with
 * PostgreSQL's own message, line and column, before a version is taken; severities agree.
 */
@PlatformTest
@WithMockUser(username = "olga", roles = "OPERATOR")
class SubmitSyntaxTests {

    @Autowired
    ChangeRequestService changes;

    final MigrationLinter linter = new MigrationLinter();

    @Test
    void aTypoIsRefusedAtSubmitWithLineAndColumnAndTakesNoVersion() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_syntax", "create table items (id bigint primary key);");
        assertThatThrownBy(() -> changes.submit(new ChangeSubmission(t.targetId(), 1, "typo",
                "create index concurrently items_id on app.items (id);\nalter tabel app.items add column note text", null)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("syntax-error");
                    assertThat(e.getMessage()).contains("forward, line 2, column 7").contains("syntax error at or near \"tabel\"");
                    assertThat(e).as("positions an editor can point at").isInstanceOfSatisfying(ScriptSyntaxException.class, x -> {
                        assertThat(x.forward()).singleElement().satisfies(f -> {
                            assertThat(f.line()).isEqualTo(2);
                            assertThat(f.column()).isEqualTo(7);
                        });
                        assertThat(x.rollback()).isEmpty();
                    });
                });
        assertThatThrownBy(() -> changes.submit(new ChangeSubmission(t.targetId(), 1, "bad rollback",
                "alter table app.items add column note text", "alter table app.items drop colum note")))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.getMessage()).contains("rollback, line 1"));
        assertThatThrownBy(() -> changes.submit(new ChangeSubmission(t.targetId(), 1, "bad body",
                "create function f() returns int language plpgsql as $$ begin retrun 1; end $$", null)))
                .as("function bodies are parsed too (check_function_bodies = on)")
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("syntax-error"));
        assertThat(changes.list(t.targetId())).as("no version was taken").isEmpty();

        ChangeRequest ok = changes.submit(new ChangeSubmission(t.targetId(), 1, "fixed",
                "alter table app.items add column note text", null));
        assertThat(ok.sequence()).isEqualTo(1);
    }

    @Test
    void severitiesAgreeAcrossRulesThatTakeTheSameLock() {
        LintReport setNotNull = linter.lint("a", "alter table app.items alter column note set not null", false);
        LintReport check = linter.lint("b", "alter table app.items add constraint c check (note <> '')", false);
        assertThat(setNotNull.findings(Severity.ERROR)).extracting(LintFinding::ruleId).contains("adding-not-nullable-field");
        assertThat(check.findings(Severity.ERROR)).extracting(LintFinding::ruleId).contains("constraint-missing-not-valid");

        LintReport dropIndex = linter.lint("c", "drop index app.items_note", false);
        LintReport createIndex = linter.lint("d", "create index items_note on app.items (note)", false);
        assertThat(dropIndex.findings(Severity.ERROR)).extracting(LintFinding::ruleId).contains("require-concurrent-index-deletion");
        assertThat(createIndex.findings(Severity.ERROR)).extracting(LintFinding::ruleId).contains("require-concurrent-index-creation");

        LintReport dropPolicy = linter.lint("e", "drop policy tenant_read on app.items", false);
        assertThat(dropPolicy.securityRelevant()).as("dropping a policy needs a security admin").isTrue();

        LintReport random = linter.lint("f", "alter table app.items add column r float8 default random()", false);
        assertThat(random.findings()).anyMatch(f -> f.why().contains("random() is volatile"));
        assertThat(random.findings()).noneMatch(f -> f.why().contains("may be volatile"));
    }
}
