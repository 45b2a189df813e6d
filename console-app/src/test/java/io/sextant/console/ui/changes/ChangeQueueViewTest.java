package io.sextant.console.ui.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ConsoleTest;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.DriftService;
import io.sextant.platform.changes.QueuedChange;
import io.sextant.platform.identity.ConsoleRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The change screens ask {@code ChangeLifecycle}: a rejected change offers Revise (with its SQL) and
 * Abandon; abandoning needs the Operator role and a reason; a failed apply holds the target and the
 * list says why each change waits; the submit dialog proposes the version that will really apply.
 */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
class ChangeQueueViewTest extends SpringBrowserlessTest {

    @Autowired
    ChangeRequestService changes;
    @Autowired
    DriftService drift;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void leaveTheQueueClean() {
        as("queue-cleaner", ConsoleRole.OPERATOR);
        for (String id : created) {
            ChangeRequest c = changes.find(id).orElseThrow();
            if (c.state() != ChangeState.ABANDONED && c.state() != ChangeState.APPLIED) {
                changes.abandon(id, "view test done");
            }
        }
        drift.drift("platform");
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRejectedChangeIsRevisedFromItsSqlAndAbandonedOnlyByAnOperatorWithAReason() {
        as("view-author", ConsoleRole.OPERATOR);
        ChangeRequest c = submit("create index view_revise_" + suffix() + " on ops.change_request (created_at);");
        changes.reject(c.changeId(), "not this way");

        navigate(ChangesNavigation.changeUrl(c.changeId()), ChangeView.class);
        assertThat($(Button.class).withId("revise-change").exists()).isTrue();
        assertThat($(Button.class).id("revise-change").isEnabled()).isTrue();
        assertThat($(Button.class).id("abandon-change").isEnabled()).isTrue();
        for (String hidden : List.of("run-checks", "approve", "apply-change", "reject-change", "reset-stuck")) {
            assertThat($(Button.class).withId(hidden).exists()).as(hidden + " is not offered for a rejected change").isFalse();
        }

        test($(Button.class).id("revise-change")).click();
        assertThat($(TextArea.class).id("revise-forward").getValue()).isEqualTo(c.forwardSql());
        String revised = "create index concurrently view_revised_" + suffix() + " on ops.change_request (created_at);";
        test($(TextArea.class).id("revise-forward")).setValue(revised);
        test($(TextField.class).id("revise-note")).setValue("concurrently");
        test($(Button.class).id("revise-save")).click();
        ChangeRequest now = changes.find(c.changeId()).orElseThrow();
        assertThat(now.revision()).isEqualTo(2);
        assertThat(now.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat($(Span.class).id("change-state").getText()).startsWith("submitted");
        assertThat($(Button.class).id("run-checks").isEnabled()).isTrue();
        assertThat($(Button.class).id("reject-change").isEnabled()).isTrue();

        as("view-secadmin", ConsoleRole.SECURITY_ADMIN);
        navigate(ChangesNavigation.changeUrl(c.changeId()), ChangeView.class);
        assertThat($(Button.class).id("abandon-change").isEnabled()).isFalse();
        assertThat($(Span.class).id("abandon-why-not").getText()).contains("Operator role");
        assertThat($(Button.class).id("revise-change").isEnabled()).as("a security admin may revise").isTrue();

        as("view-operator", ConsoleRole.OPERATOR);
        navigate(ChangesNavigation.changeUrl(c.changeId()), ChangeView.class);
        test($(Button.class).id("abandon-change")).click();
        test($(Button.class).id("abandon-confirm")).click();
        assertThat($(Span.class).id("abandon-error").getText()).contains("Say why");
        assertThat(changes.find(c.changeId()).orElseThrow().state()).isEqualTo(ChangeState.SUBMITTED);
        test($(TextField.class).id("abandon-reason")).setValue("covered by another change");
        test($(Button.class).id("abandon-confirm")).click();
        assertThat(changes.find(c.changeId()).orElseThrow().state()).isEqualTo(ChangeState.ABANDONED);
        assertThat($(Span.class).id("change-state").getText()).startsWith("abandoned");
        for (String hidden : List.of("run-checks", "revise-change", "abandon-change", "reject-change", "apply-change")) {
            assertThat($(Button.class).withId(hidden).exists()).as(hidden + " is not offered for an abandoned change").isFalse();
        }
    }

    @Test
    void aFailedApplyHoldsTheTargetTheListSaysWhyAndTheDialogProposesTheRealVersion() {
        as("view-author", ConsoleRole.OPERATOR);
        ChangeRequest failed = submit("create index view_failed_" + suffix() + " on ops.change_request (created_at);");
        ChangeRequest behind = submit("create index view_behind_" + suffix() + " on ops.change_request (updated_at);");
        // what a process that died mid-apply leaves behind; the reset then fails it and holds the target
        jdbc.update("update ops.change_request set state = 'applying', updated_at = now() - interval '2 hours' where change_id = ?", failed.changeId());
        changes.resetStuck(failed.changeId());
        // the view shows what the lifecycle decides for an approved change on a held target (the refusal itself is a platform test)
        jdbc.update("update ops.change_request set state = 'approved' where change_id = ?", behind.changeId());

        navigate(ChangesNavigation.changeUrl(behind.changeId()), ChangeView.class);
        assertThat($(Button.class).id("apply-change").isEnabled()).isFalse();
        assertThat($(Span.class).id("apply-why-not").getText()).contains("held", "drift check", failed.changeId().substring(0, 12));

        as("view-approver", ConsoleRole.OPERATOR);
        navigate(ChangesNavigation.changeUrl(failed.changeId()), ChangeView.class);
        assertThat($(Button.class).id("revise-change").isEnabled()).isTrue();
        assertThat($(Button.class).id("abandon-change").isEnabled()).isTrue();
        assertThat($(Button.class).id("run-checks").getText()).isEqualTo("Check again");

        ChangesView list = navigate(ChangesView.class);
        assertThat(list).isNotNull();
        @SuppressWarnings("unchecked")
        Grid<QueuedChange> grid = $(Grid.class).id("changes-grid");
        List<QueuedChange> rows = grid.getGenericDataView().getItems().filter(q -> q.change().targetId().equals("platform")).toList();
        QueuedChange failedRow = rows.stream().filter(q -> q.change().changeId().equals(failed.changeId())).findFirst().orElseThrow();
        QueuedChange behindRow = rows.stream().filter(q -> q.change().changeId().equals(behind.changeId())).findFirst().orElseThrow();
        assertThat(failedRow.waiting()).contains("failed in apply", "drift check");
        assertThat(behindRow.waiting()).contains("behind change #" + failed.sequence(),
                "target held: drift check needed after the failed apply of change " + failed.changeId().substring(0, 12));
        assertThat(behindRow.version()).isEqualTo(failedRow.version() + 1);
        assertThat(ChangesView.version(behindRow)).startsWith("will apply as v");
        assertThat($(UnorderedList.class).id("queue-summary").getElement().getTextRecursively())
                .contains("(platform): the next change applies as version " + changes.nextSequence("platform"));

        test($(Button.class).id("submit-change")).click();
        @SuppressWarnings("unchecked")
        Select<ChangeTarget> target = $(Select.class).id("change-target");
        target.setValue(target.getListDataView().getItems().filter(t -> t.targetId().equals("platform")).findFirst().orElseThrow());
        IntegerField version = $(IntegerField.class).id("change-sequence");
        assertThat(version.getValue()).isEqualTo(changes.nextSequence("platform"));
        assertThat(version.getHelperText()).contains("Will apply as version " + changes.nextSequence("platform"));
    }

    private ChangeRequest submit(String sql) {
        ChangeRequest c = changes.submit(new ChangeSubmission("platform", changes.nextSequence("platform"), "queue view test", sql, null));
        created.add(c.changeId());
        return c;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void as(String user, ConsoleRole role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name())));
    }
}
