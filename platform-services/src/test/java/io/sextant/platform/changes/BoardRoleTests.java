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

    private List<String> refusals(String targetId) {
        return tx.execute(st -> dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_ID.eq(targetId), AUDIT_EVENT.TARGET_TYPE.eq("change-target"), AUDIT_EVENT.OUTCOME.eq("refused"))
                .orderBy(AUDIT_EVENT.SEQ).fetch(AUDIT_EVENT.ACTION));
    }
}
