package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Behaviour of the report as a whole; per-rule behaviour lives in the fixtures. */
class MigrationLinterTests {

    private final MigrationLinter linter = new MigrationLinter();

    @Test
    void wordsInsideStringsIdentifiersAndCommentsNeverTrigger() {
        String sql = """
                set lock_timeout = '2s'; set statement_timeout = '1min';
                -- drop table orders;
                alter table orders add column if not exists drop_date timestamptz;
                insert into audit_note (msg) values ('DROP TABLE orders; truncate x cascade');
                comment on column orders."drop table" is 'create index i on t (a)';
                """;
        LintReport report = linter.lint("x.sql", sql);
        assertThat(report.findings()).isEmpty();
        assertThat(report.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void reportsLockPositionAndFlags() {
        String sql = "set lock_timeout = '2s';\nset statement_timeout = '1min';\n\n  alter table orders drop column note;";
        LintReport report = linter.lint("x.sql", sql, true);
        LintFinding f = report.findings().stream().filter(x -> x.ruleId().equals("ban-drop-column")).findFirst().orElseThrow();
        assertThat(f.lockTaken()).isEqualTo("ACCESS EXCLUSIVE on orders");
        assertThat(f.statementIndex()).isEqualTo(2);
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.column()).isEqualTo(22);
        assertThat(report.destructive()).isTrue();
        assertThat(report.breaking()).isTrue();
        assertThat(report.risk()).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void locksFollowThePostgresDocs() {
        assertThat(lock("create index i on orders (a)", "require-concurrent-index-creation")).isEqualTo("SHARE on orders");
        assertThat(lock("alter table orders add constraint f foreign key (c) references customers (id)",
                "adding-foreign-key-constraint")).isEqualTo("SHARE ROW EXCLUSIVE on orders, SHARE ROW EXCLUSIVE on customers");
        assertThat(lock("alter table orders alter column a type bigint", "changing-column-type"))
                .isEqualTo("ACCESS EXCLUSIVE on orders");
        assertThat(linter.lint("x", "alter table orders validate constraint c").findings())
                .extracting(LintFinding::lockTaken).containsOnly("SHARE UPDATE EXCLUSIVE on orders");
        assertThat(linter.lint("x", "create index concurrently if not exists i on orders (a)").findings())
                .extracting(LintFinding::lockTaken).containsOnly("SHARE UPDATE EXCLUSIVE on orders");
    }

    @Test
    void tableCreatedInTheSameMigrationOnlyGetsAdvice() {
        LintReport report = linter.lint("x.sql", "create table t (id bigint); create index t_id on t (id);", true);
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("require-concurrent-index-creation"))
                .singleElement().extracting(LintFinding::severity).isEqualTo(Severity.INFO);
        assertThat(report.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void securityChangesAreFlagged() {
        LintReport report = linter.lint("x.sql", "create role r login bypassrls;", true);
        assertThat(report.securityRelevant()).isTrue();
        assertThat(report.risk()).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void isDeterministic() {
        String sql = "create table t (a int, b json); alter table u add column c int not null; drop table v;";
        assertThat(linter.lint("a", sql)).isEqualTo(linter.lint("a", sql));
    }

    private String lock(String sql, String rule) {
        return linter.lint("x", sql).findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow()
                .lockTaken();
    }
}
