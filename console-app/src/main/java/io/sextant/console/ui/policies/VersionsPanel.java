package io.sextant.console.ui.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ui.Formats;
import io.sextant.console.ui.changes.ChangesNavigation;
import io.sextant.platform.authz.ImpactReport;
import io.sextant.platform.authz.PolicyApprovals;
import io.sextant.platform.authz.PolicyProposal;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicyVersion;
import io.sextant.platform.identity.ConsoleRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A project's policy versions: load one into the editor, its impact on recent decisions, propose
 * it for publishing (through the review board, or — API rules only — a security admin's approval
 * here), and that approval. Each button says beforehand who may press it; the services decide.
 */
class VersionsPanel extends VerticalLayout {

    private final PolicyService policies;
    private final PolicyApprovals approvals;
    private final UUID projectId;
    private final Grid<PolicyVersion> versions = new Grid<>();
    private final Div result = new Div();
    private final Button propose = new Button("Propose for publishing");
    private final Span proposeWhy;
    private final Button approve = new Button("Approve and publish");
    private final Span approveWhy;
    private final Button reject = new Button("Reject");
    private final TextField rejectReason = new TextField();
    private final Runnable published;

    VersionsPanel(PolicyService policies, PolicyApprovals approvals, UUID projectId, Consumer<String> load, Runnable published) {
        this.published = published;
        this.policies = policies;
        this.approvals = approvals;
        this.projectId = projectId;
        setPadding(false);
        setSpacing(false);
        versions.setId("policy-versions");
        versions.addColumn(v -> v.versionHash().substring(0, 12)).setHeader("Version").setAutoWidth(true);
        versions.addComponentColumn(v -> PolicyUi.badge(v.awaitsApproval() ? "awaits a security admin" : v.state(), switch (v.state()) {
            case "published" -> "succeeded";
            case "rejected" -> "refused";
            default -> "draft";
        })).setHeader("State").setAutoWidth(true);
        versions.addColumn(PolicyVersion::author).setHeader("Author").setAutoWidth(true);
        versions.addColumn(v -> Formats.dateTime(v.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        versions.addColumn(v -> v.changeId() != null ? v.changeId().substring(0, 12) : v.awaitsApproval() ? "none: API rules only" : "—")
                .setHeader("Change").setAutoWidth(true);
        versions.setAllRowsVisible(true);
        versions.setWidthFull();
        versions.asSingleSelect().addValueChangeListener(e -> gate());

        Button loadButton = new Button("Load into editor", e -> selected().ifPresent(v -> load.accept(v.source())));
        loadButton.setId("policy-load-version");
        Button impact = new Button("Impact", e -> selected().ifPresent(this::impact));
        impact.setId("policy-impact");
        propose.setId("policy-propose");
        propose.addClickListener(e -> selected().ifPresent(this::propose));
        approve.setId("policy-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> selected().ifPresent(this::approve));
        reject.setId("policy-reject");
        reject.addClickListener(e -> selected().ifPresent(this::reject));
        rejectReason.setId("policy-reject-reason");
        rejectReason.setPlaceholder("why it is rejected");
        HorizontalLayout proposeLine = PolicyUi.gated(propose, null);
        proposeWhy = (Span) proposeLine.getComponentAt(1);
        HorizontalLayout approveLine = PolicyUi.gated(approve, null);
        approveWhy = (Span) approveLine.getComponentAt(1);
        approveLine.addComponentAtIndex(1, reject);
        approveLine.addComponentAtIndex(1, rejectReason);
        HorizontalLayout bar = new HorizontalLayout(loadButton, impact, proposeLine);
        bar.setAlignItems(Alignment.BASELINE);
        result.setId("policy-version-result");
        result.setWidthFull();
        add(versions, bar, approveLine, result);
        refresh();
    }

    private Optional<PolicyVersion> selected() {
        return versions.asSingleSelect().getOptionalValue();
    }

    /** Reloads the versions; returns them. */
    List<PolicyVersion> refresh() {
        List<PolicyVersion> all = policies.versions(projectId);
        PolicyVersion was = selected().orElse(null);
        versions.setItems(all);
        versions.setVisible(!all.isEmpty());
        versions.recalculateColumnWidths(); // a state's words change the width it needs: never cut them
        if (was != null) {
            all.stream().filter(v -> v.versionHash().equals(was.versionHash())).findFirst().ifPresent(versions::select);
        }
        gate();
        return all;
    }

    /** The versions shown now. */
    List<String> hashes() {
        return versions.getListDataView().getItems().map(PolicyVersion::versionHash).toList();
    }

    void select(String versionHash) {
        refresh().stream().filter(v -> v.versionHash().equals(versionHash)).findFirst().ifPresent(versions::select);
    }

    /** Who may press Propose and Approve for the selected version, decided again on every selection. */
    private void gate() {
        PolicyVersion v = selected().orElse(null);
        String proposeWhyNot = PolicyUi.needsWriter("Proposing a version");
        if (proposeWhyNot == null && v != null && !v.state().equals("draft") && !v.state().equals("rejected")) {
            proposeWhyNot = "Version " + v.versionHash().substring(0, 12) + " is " + (v.state().equals("proposed") ? "already proposed" : v.state())
                    + ": only a draft can be proposed";
        }
        PolicyUi.setGate(propose, proposeWhy, proposeWhyNot);
        String approveWhyNot = v != null ? approvals.whyNot(v).orElse(null)
                : PolicyUi.hasAny(List.of(ConsoleRole.SECURITY_ADMIN)) ? "Select a version that awaits a security admin"
                : "Approving a policy needs the " + ConsoleRole.SECURITY_ADMIN.label() + " role";
        PolicyUi.setGate(approve, approveWhy, approveWhyNot);
        boolean deciding = approveWhyNot == null;
        rejectReason.setVisible(deciding);
        reject.setVisible(deciding);
    }

    private void impact(PolicyVersion v) {
        ImpactReport r = PolicyUi.attempt(() -> policies.impact(projectId, v.versionHash(), Duration.ofDays(30)));
        result.removeAll();
        if (r == null) {
            return;
        }
        result.add(new Span("Replayed " + r.replayed() + " live decision(s) of the last 30 days: " + r.unchanged() + " unchanged, "
                + r.flips().size() + " would flip."));
        if (!r.flips().isEmpty()) {
            Grid<ImpactReport.Flip> flips = new Grid<>();
            flips.setId("policy-impact-flips");
            flips.addColumn(ImpactReport.Flip::request).setHeader("Request").setFlexGrow(3);
            flips.addColumn(f -> f.before() + " → " + f.after()).setHeader("Effect").setAutoWidth(true);
            flips.addColumn(f -> String.join(", ", f.decidingRulesAfter())).setHeader("Decided by (after)").setAutoWidth(true);
            flips.setItems(r.flips());
            flips.setAllRowsVisible(true);
            result.add(flips);
        }
    }

    private void propose(PolicyVersion v) {
        PolicyProposal p = PolicyUi.attempt(() -> policies.propose(projectId, v.versionHash()));
        result.removeAll();
        if (p == null) {
            return;
        }
        if (p.change() != null) {
            var link = ChangesNavigation.changeLink("Change " + p.change().changeId().substring(0, 12) + " on the review board", p.change().changeId());
            link.setId("policy-proposed-link");
            result.add(new Span("Proposed; a security administrator approves it on the review board: "), link);
        } else {
            Span s = new Span("Proposed. Its rules are API actions only, so it changes no row-level security and there is no SQL for the "
                    + "review board: a security admin other than its author and you approves it here (Approve and publish).");
            s.setId("policy-proposed-for-approval");
            result.add(s);
        }
        select(v.versionHash());
    }

    private void approve(PolicyVersion v) {
        PolicyVersion done = PolicyUi.attempt(() -> approvals.approve(projectId, v.versionHash()));
        after(done, "Published version " + v.versionHash().substring(0, 12) + "; the previous one is superseded.", v);
        if (done != null) {
            published.run();
        }
    }

    private void reject(PolicyVersion v) {
        PolicyVersion done = PolicyUi.attempt(() -> approvals.reject(projectId, v.versionHash(), rejectReason.getValue()));
        after(done, "Rejected version " + v.versionHash().substring(0, 12) + "; it can be edited and proposed again.", v);
    }

    private void after(@Nullable PolicyVersion done, String words, PolicyVersion v) {
        result.removeAll();
        if (done != null) {
            Span s = new Span(words);
            s.setId("policy-approval-result");
            result.add(s);
            rejectReason.clear();
        }
        select(v.versionHash());
    }
}
