package io.sextant.platform.changes;

import static io.sextant.jooq.ledger.Tables.AUDIT_EVENT;
import static io.sextant.platform.changes.Operators.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The target-level entry points (shadow apply, rollback round trip and derivation, drift) check roles and audit refusals. */
@PlatformTest
class BoardRoleTests {

    @Autowired
    ShadowApplier shadow;
    @Autowired
    RollbackVerifier rollbacks;
    @Autowired
    DriftService drift;
    @Autowired
    ChangeTargets targets;
    @Autowired
    ChangeRequestService changes;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate tx;

    @Test
    void onlyOperatorsAndSecurityAdminsShadowApplyOrVerifyRollbacks() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_roles", ChangeBoardTests.ITEMS);
        String sql = "create index concurrently items_label on app.items (label)";
        List<Callable<Object>> entryPoints = List.of(
                () -> shadow.apply(t.targetId(), sql, ShadowOptions.defaults(), ShadowProgressListener.NONE),
                () -> rollbacks.verify(t.targetId(), sql, null, 1000),
                () -> rollbacks.derive(t.targetId(), sql));
        for (String role : List.of("SUPPORT", "COMPLIANCE")) {
            for (Callable<Object> call : entryPoints) {
                assertThatThrownBy(() -> as("eve", role, call))
                        .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
            }
        }
        assertThat(refusals(t.targetId())).containsExactlyInAnyOrder(
                "changes.shadow.apply", "changes.rollback.verify", "changes.rollback.derive",
                "changes.shadow.apply", "changes.rollback.verify", "changes.rollback.derive");
        for (Callable<Object> call : entryPoints) {
            assertThatThrownBy(call::call)
                    .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-authenticated"));
        }

        assertThat(as("sam", "SECURITY_ADMIN", () -> rollbacks.derive(t.targetId(), sql)).rollbackSql()).contains("drop index");
        assertThat(as("olga", "OPERATOR", () -> shadow.apply(t.targetId(), sql, ShadowOptions.defaults(), ShadowProgressListener.NONE))
                .failure()).isNull();
    }

    @Test
    void driftIsReadableByComplianceButNotSupport() throws Exception {
        DatabaseTarget t = TestTargets.create("chg_roles_drift", ChangeBoardTests.ITEMS);
        assertThatThrownBy(() -> as("eve", "SUPPORT", () -> drift.drift(t.targetId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThat(refusals(t.targetId())).containsExactly("changes.drift.read");
        for (String role : List.of("COMPLIANCE", "OPERATOR", "SECURITY_ADMIN")) {
            assertThat(as("dave", role, () -> drift.drift(t.targetId())).drifted()).isFalse();
        }
    }

    @Test
    void targetsAreListedOnlyForOperatorsSecurityAdminsAndCompliance() throws Exception {
        long before = lastSeq();
        for (String role : List.of("SUPPORT", "NO_CONSOLE_ROLE")) {
            assertThatThrownBy(() -> as("eve", role, targets::list))
                    .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        }
        assertThat(refusalsSince(before, "changes.target.list")).containsExactly("eve", "eve");
        assertThatThrownBy(targets::list)
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("not-authenticated"));
        for (String role : List.of("OPERATOR", "SECURITY_ADMIN", "COMPLIANCE")) {
            assertThat(as("dave", role, targets::list)).extracting(ChangeTarget::targetId).contains("platform");
        }
    }

    @Test
    void suggestionsNeedAConsoleRole() throws Exception {
        int next = as("olga", "OPERATOR", () -> changes.nextSequence("platform"));
        ChangeRequest c = as("olga", "OPERATOR", () -> changes.submit(new ChangeSubmission("platform", next, "suggestion roles",
                "create index roles_probe on ops.change_request (created_at);", null)));
        long before = lastSeq();
        assertThatThrownBy(() -> as("mallory", "NO_CONSOLE_ROLE", () -> suggestions.suggest(c.changeId(), null)))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThatThrownBy(() -> as("mallory", "NO_CONSOLE_ROLE", () -> suggestions.suggestions(c.changeId())))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.reason()).isEqualTo("missing-role"));
        assertThat(refusalsSince(before, "changes.suggestion.suggest")).containsExactly("mallory");
        assertThat(refusalsSince(before, "changes.suggestion.list")).containsExactly("mallory");
        assertThat(as("sue", "SUPPORT", () -> suggestions.suggestions(c.changeId()))).isEmpty();
        as("olga", "OPERATOR", () -> changes.reject(c.changeId(), "test done"));
    }

    private long lastSeq() {
        return tx.execute(st -> dsl.select(org.jooq.impl.DSL.max(AUDIT_EVENT.SEQ)).from(AUDIT_EVENT).fetchOptional(0, Long.class).orElse(0L));
    }

    /** Actors of refused events of that action after {@code seq}. */
    private List<String> refusalsSince(long seq, String action) {
        return tx.execute(st -> dsl.select(AUDIT_EVENT.ACTOR).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.SEQ.gt(seq), AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.OUTCOME.eq("refused"))
                .orderBy(AUDIT_EVENT.SEQ).fetch(AUDIT_EVENT.ACTOR));
    }

    private List<String> refusals(String targetId) {
        return tx.execute(st -> dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_ID.eq(targetId), AUDIT_EVENT.TARGET_TYPE.eq("change-target"), AUDIT_EVENT.OUTCOME.eq("refused"))
                .orderBy(AUDIT_EVENT.SEQ).fetch(AUDIT_EVENT.ACTION));
    }
}
