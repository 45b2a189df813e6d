package io.sextant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.changes.ChangeQuery;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.status.PlatformStatusService;
import io.sextant.platform.tenancy.ResidencyViolationQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every query the home page runs, on a platform with 1,000 changes and 200 projects (seeded in a
 * transaction that is rolled back): right answers for each role, and each query bounded — a LIMIT
 * in its plan and no sequential scan of a table that grows with the platform (issue 10 measure).
 */
@PlatformTest
@org.springframework.context.annotation.Import(HomeQueriesBoundedTests.RecordingConfiguration.class)
class HomeQueriesBoundedTests {

    /** Tables that grow with the platform's use: a home query must reach them through an index. */
    private static final Pattern BIG_TABLE_SEQ_SCAN = Pattern.compile(
            "Seq Scan on (change_request|change_suggestion|change_check|alert|project|residency_check|audit_event|organization)\\b");

    @Autowired
    ChangeQuery changes;
    @Autowired
    ResidencyViolationQuery residency;
    @Autowired
    AuditVerifier audit;
    @Autowired
    PlatformStatusService status;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate tx;

    @Test
    void everyHomeQueryOnABusyPlatformIsRightAndBounded() {
        tx.executeWithoutResult(st -> {
            st.setRollbackOnly();
            dsl.execute(seed());
            int expectedForOperator = expectedAwaiting("seed-author-1", List.of("OPERATOR"));
            int expectedForSecurityAdmin = expectedAwaiting("seed-author-2", List.of("SECURITY_ADMIN"));
            List<String> queries = Recorder.during(() -> {
                var mine = as("seed-author-1", "OPERATOR", () -> changes.awaitingMyApproval(5));
                // 100 waiting, none SECURITY_ADMIN-only for an operator (every third), none of seed-author-1's (every seventh)
                assertThat(mine.total()).isEqualTo(expectedForOperator).isGreaterThan(50);
                assertThat(mine.items()).hasSize(5).allSatisfy(h -> {
                    assertThat(h.state()).isEqualTo(ChangeState.NEEDS_APPROVAL);
                    assertThat(h.author()).isNotEqualTo("seed-author-1");
                    assertThat(h.requiredRole()).isNotEqualTo("SECURITY_ADMIN");
                });
                assertThat(mine.items()).extracting(ChangeQuery.Headline::since).isSorted();

                var secadmin = as("seed-author-2", "SECURITY_ADMIN", () -> changes.awaitingMyApproval(5));
                assertThat(secadmin.total()).isEqualTo(expectedForSecurityAdmin).isGreaterThan(20);

                var failed = as("seed-author-1", "SUPPORT", () -> changes.failedOrStuck(6));
                // 100 failed + 50 applying/checking held for hours: counted to the cap, not to the end
                assertThat(failed.total()).isEqualTo(ChangeQuery.COUNT_CAP);
                assertThat(failed.capped()).isTrue();
                assertThat(failed.more()).isEqualTo(94);
                assertThat(failed.items()).hasSize(6).allSatisfy(h -> assertThat(h.state() == ChangeState.FAILED || h.stuck()).isTrue());

                var alerts = as("seed-author-1", "OPERATOR", () -> changes.openAlerts(5));
                assertThat(alerts.total()).isEqualTo(30);
                assertThat(alerts.capped()).isFalse();

                var violations = as("seed-author-1", "COMPLIANCE", () -> residency.latest(5));
                // the latest check of every 10th project (g % 10 = 1) failed; projects 1..200 step 10 never deleted (g % 20 = 0)
                assertThat(violations.total()).isEqualTo(ResidencyViolationQuery.COUNT_CAP);
                assertThat(violations.capped()).isFalse(); // exactly 20 found, the 21st row would say "more"
                assertThat(violations.items()).hasSize(5).allSatisfy(v -> {
                    assertThat(v.projectName()).matches("Home project \\d*1");
                    assertThat(v.violations()).isEqualTo(2);
                });

                as("seed-author-1", "COMPLIANCE", audit::lastRun);
                as("seed-author-1", "SUPPORT", status::health);
                return null;
            });

            assertThat(queries).hasSizeGreaterThanOrEqualTo(7);
            for (String sql : queries) {
                System.out.println("HOME QUERY " + sql + "\n" + String.join("\n", dsl.fetch("explain " + sql).getValues(0, String.class)));
                String plan = String.join("\n", dsl.fetch("explain " + sql).getValues(0, String.class));
                assertThat(plan).as("plan of %s", sql).doesNotContainPattern(BIG_TABLE_SEQ_SCAN);
                if (!sql.contains("current_setting('server_version')")) {
                    assertThat(plan).as("plan of %s", sql).contains("Limit");
                }
            }
        });
    }

    @Test
    void rolesThatMayNotReadThemAreRefused() {
        assertThatThrownBy(() -> as("sam", "SUPPORT", () -> changes.awaitingMyApproval(5)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThatThrownBy(() -> as("gus", "GUEST", () -> changes.failedOrStuck(5)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThatThrownBy(() -> as("gus", "SECURITY_ADMIN", () -> residency.latest(5))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("olga", "OPERATOR", () -> changes.failedOrStuck(1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 100");
    }

    private int expectedAwaiting(String me, List<String> roles) {
        return Math.min(ChangeQuery.COUNT_CAP, dsl.fetchCount(dsl.selectOne().from("ops.change_request c")
                .where("c.state = 'needs_approval' and c.author <> {0} and coalesce(c.required_role, 'OPERATOR') = any({1})",
                        me, roles.toArray(String[]::new))
                .andNotExists(dsl.selectOne().from("ops.change_suggestion s join ops.change_request o on o.change_id = s.change_id")
                        .where("s.candidate_id = c.change_id and o.author = {0}", me))));
    }

    private static String seed() {
        try {
            return new ClassPathResource("home/seed.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T as(String user, String role, Callable<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Records the SQL (bind values inlined) that jOOQ runs on this thread while recording. */
    static final class Recorder implements ExecuteListener {

        private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

        static List<String> during(Callable<?> work) {
            List<String> sql = new ArrayList<>();
            RECORDING.set(sql);
            try {
                as("recorder", "OPERATOR", work);
            } finally {
                RECORDING.remove();
            }
            return sql;
        }

        @Override
        public void executeStart(ExecuteContext ctx) {
            List<String> sql = RECORDING.get();
            if (sql != null && ctx.query() != null) {
                sql.add(ctx.dsl().renderInlined(ctx.query()));
            } else if (sql != null && ctx.sql() != null) {
                sql.add(ctx.sql());
            }
        }
    }

    @TestConfiguration
    static class RecordingConfiguration {
        @Bean
        ExecuteListenerProvider homeQueryRecorder() {
            return new DefaultExecuteListenerProvider(new Recorder());
        }
    }
}
