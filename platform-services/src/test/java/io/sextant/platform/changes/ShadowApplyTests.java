package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Shadow apply on real PostgreSQL: what PostgreSQL reports, never touching the live target. */
@PlatformTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
@WithMockUser(username = "olga", roles = "OPERATOR")
class ShadowApplyTests {

    static DatabaseTarget target;

    @Autowired
    ShadowApplier shadow;

    @BeforeAll
    void target() throws Exception {
        target = TestTargets.create("chg_shadow", """
                create table accounts (id int primary key, owner text not null, balance int not null default 0);
                insert into accounts select g, 'owner ' || g, g % 1000 from generate_series(1, 60000) g;
                create table notes (id bigint generated always as identity primary key,
                                    account_id int references accounts (id), body text);
                insert into notes (account_id, body) select g, 'n' from generate_series(1, 500) g;
                create view rich as select id, owner from accounts where id > 59000;
                analyze;
                """);
    }

    @Test
    void columnTypeChangeRewritesTheTableUnderAccessExclusive() throws Exception {
        SchemaSnapshot before = TestTargets.snapshot(target);
        List<String> phases = new ArrayList<>();
        ShadowReport r = shadow.apply(target.targetId(), "alter table app.accounts alter column balance type bigint",
                ShadowOptions.defaults().withRowCap(20_000).withCalibrationSizes(List.of(2_000, 5_000, 10_000)),
                (phase, done, total, msg) -> phases.add(phase));

        assertThat(r.failure()).isNull();
        StatementMeasurement m = r.statements().getFirst();
        assertThat(m.locks()).contains(new StatementMeasurement.ObservedLock("app.accounts", "ACCESS EXCLUSIVE", true));
        assertThat(m.rewritten()).contains("app.accounts", "app.accounts_pkey");
        assertThat(m.catalogChanges()).anyMatch(c -> c.contains("balance bigint"));
        assertThat(m.projection()).isNotNull();
        assertThat(m.projection().liveRows()).isBetween(55_000L, 65_000L);
        assertThat(m.projection().points()).hasSize(4);
        assertThat(phases).contains("build", "copy", "apply", "calibrate");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("statistics: copied"));
        assertThat(TestTargets.snapshot(target)).as("the live target is untouched").isEqualTo(before);
    }

    @Test
    void createIndexConcurrentlyTakesShareUpdateExclusiveAndRewritesNothing() throws Exception {
        SchemaSnapshot before = TestTargets.snapshot(target);
        ShadowReport r = shadow.apply(target.targetId(), "create index concurrently accounts_owner on app.accounts (owner)",
                ShadowOptions.defaults().withRowCap(60_000), ShadowProgressListener.NONE);

        assertThat(r.failure()).isNull();
        StatementMeasurement m = r.statements().getFirst();
        assertThat(m.concurrent()).isTrue();
        assertThat(m.rewritten()).isEmpty();
        assertThat(m.strongestLock()).isNotNull();
        assertThat(m.strongestLock().mode()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(m.locks()).noneMatch(l -> l.mode().equals("ACCESS EXCLUSIVE") || l.mode().equals("SHARE"));
        assertThat(r.disagreements()).isEmpty();
        assertThat(TestTargets.snapshot(target)).isEqualTo(before);
    }

    @Test
    void wideningVarcharIsFlaggedWhereLintExpectsARewriteButNoneHappens() throws Exception {
        TestTargets.exec(target, "create table if not exists app.tags (id int primary key, label varchar(10))");
        ShadowReport r = shadow.apply(target.targetId(), "alter table app.tags alter column label type varchar(50)",
                ShadowOptions.defaults(), ShadowProgressListener.NONE);
        assertThat(r.statements().getFirst().rewritten()).isEmpty();
        assertThat(r.disagreements()).anyMatch(d -> d.lintSays().equals("table rewrite"));
    }

    @Test
    void invalidSqlReportsPostgresErrorAndPosition() {
        ShadowReport r = shadow.apply(target.targetId(), "alter table app.accounts add column ok int;\n  alter tabel app.accounts drop column ok",
                ShadowOptions.defaults(), ShadowProgressListener.NONE);
        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().statementIndex()).isEqualTo(1);
        assertThat(r.failure().sqlState()).isEqualTo("42601");
        assertThat(r.failure().message()).contains("syntax error at or near \"tabel\"");
        assertThat(r.failure().position()).isEqualTo(7);
        assertThat(r.failure().line()).isEqualTo(2);
        assertThat(r.failure().column()).isEqualTo(9);
        assertThat(r.statements()).hasSize(1);
    }

    @Test
    void changeFailingHalfWayLeavesTargetUntouched() throws Exception {
        SchemaSnapshot before = TestTargets.snapshot(target);
        ShadowReport r = shadow.apply(target.targetId(), """
                alter table app.accounts add column region text;
                create unique index accounts_balance_key on app.accounts (balance);
                alter table app.accounts drop column owner;
                """, ShadowOptions.defaults(), ShadowProgressListener.NONE);
        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().statementIndex()).isEqualTo(1);
        assertThat(r.failure().sqlState()).isEqualTo("23505");
        assertThat(r.failure().message()).contains("could not create unique index");
        assertThat(r.statements()).hasSize(1);
        assertThat(TestTargets.snapshot(target)).isEqualTo(before);
    }

    @Test
    void unknownTargetIsRefused() {
        assertThatThrownBy(() -> shadow.apply("no-such-target", "select 1", ShadowOptions.defaults(), ShadowProgressListener.NONE))
                .isInstanceOf(UnknownTargetException.class).hasMessageContaining("no-such-target");
    }
}
