package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code unknown-table}: which names it judges, where it points, and the nearest existing name it
 * offers (edit distance at most 2, qualified, search_path order first).
 */
class UnknownTableRuleTests {

    final MigrationLinter linter = new MigrationLinter();
    final KnownRelations target = new KnownRelations(List.of("app", "audit"), Set.of("app", "audit"),
            Set.of("app", "audit", "public", "pg_catalog"), Set.of("app.document", "app.items", "audit.documents", "audit.event"));

    List<LintFinding> unknown(String sql, KnownRelations known) {
        return linter.lint("t", sql, false, known).findings().stream().filter(f -> f.ruleId().equals("unknown-table")).toList();
    }

    @Test
    void aTypoPointsAtTheNameAndOffersTheNearestQualifiedName() {
        List<LintFinding> f = unknown("create index concurrently i on app.items (id);\nalter table  app.documnet add column note text", target);
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(f.getFirst().line()).isEqualTo(2);
        assertThat(f.getFirst().column()).isEqualTo(14);
        assertThat(f.getFirst().safeRewrite()).startsWith("Did you mean app.document?");
        assertThat(f.getFirst().why()).startsWith("app.documnet does not exist: no such relation is in the target, created earlier "
                + "in this change, or created by a change queued before it.");
    }

    @Test
    void anUnqualifiedNameResolvesThroughTheSearchPathAndTiesGoToItsOrder() {
        assertThat(unknown("update document set id = id; update event set id = id", target)).isEmpty();
        List<LintFinding> f = unknown("insert into documentz (id) values (1)", target);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.why()).contains("search_path = app, audit");
            // app.document and audit.documents are both one edit away: app comes first in the path
            assertThat(x.safeRewrite()).startsWith("Did you mean app.document?");
        });
    }

    @Test
    void aNameThatNeedsItsSchemaIsToldTheQualifiedName() {
        KnownRelations onlyApp = new KnownRelations(List.of("app"), Set.of("app", "audit"), Set.of("app", "audit"),
                Set.of("app.document", "audit.event"));
        assertThat(unknown("delete from event", onlyApp)).singleElement()
                .satisfies(x -> assertThat(x.safeRewrite()).startsWith("Did you mean audit.event?"));
    }

    @Test
    void nothingWithinTwoEditsMeansNoGuess() {
        assertThat(unknown("alter table app.invoices add column x text", target)).singleElement()
                .satisfies(x -> assertThat(x.safeRewrite()).doesNotContain("Did you mean"));
        assertThat(unknown("alter table app.docxmexxnt add column x text", target)).singleElement()
                .satisfies(x -> assertThat(x.safeRewrite()).doesNotContain("Did you mean"));
    }

    @Test
    void aScriptThatSetsItsOwnSearchPathIsResolvedWithIt() {
        assertThat(unknown("set search_path = audit; update event set id = id", target)).isEmpty();
        assertThat(unknown("set search_path to app; update event set id = id", target)).hasSize(1);
        assertThat(unknown("set search_path = public; update legacy set id = id", target))
                .as("a path that leaves the target's schemas cannot be judged").isEmpty();
    }

    @Test
    void aQueuedChangeCountsInItsOrderAndTemporaryTablesAreTheScripts() {
        KnownRelations queued = target.after("create table app.invoice (id bigint); drop table app.items");
        assertThat(unknown("alter table app.invoice add column x text", queued)).isEmpty();
        assertThat(unknown("alter table app.items add column x text", queued)).hasSize(1);
        assertThat(unknown("create temp table scratch (id bigint); insert into scratch values (1)", target)).isEmpty();
        assertThat(unknown("create schema billing; create table billing.invoice (id bigint); insert into billing.invoice values (1); "
                + "insert into billing.invoices values (1)", target)).singleElement()
                .satisfies(x -> assertThat(x.safeRewrite()).startsWith("Did you mean billing.invoice?"));
    }

    @Test
    void quotedNamesKeepTheirCase() {
        KnownRelations mixed = new KnownRelations(List.of("app"), Set.of("app"), Set.of("app"), Set.of("app.Document"));
        assertThat(unknown("update app.\"Document\" set id = id", mixed)).isEmpty();
        assertThat(unknown("update app.Document set id = id", mixed)).singleElement()
                .satisfies(x -> assertThat(x.safeRewrite()).startsWith("Did you mean app.Document?"));
    }
}
