package io.sextant.console.ui.changes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.changes.ApprovalService;
import io.sextant.platform.changes.ChangeApplier;
import io.sextant.platform.changes.ChangeLifecycle;
import io.sextant.platform.changes.ChangeLifecycle.Action;
import io.sextant.platform.changes.ChangeLifecycle.Actor;
import io.sextant.platform.changes.ChangeLifecycle.Decision;
import io.sextant.platform.changes.ChangeLifecycle.Situation;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.SuggestionService;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * One change request: its SQL, lint and shadow measurements side by side, the rollback round
 * trip, the risk and who must approve, suggestions, approvals and apply. The services decide
 * every gate; this view only offers the next step the change's state allows.
 */
@Route("change")
@PageTitle("Change · Sextant")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.SECURITY_ADMIN_NAME})
public class ChangeView extends VerticalLayout implements HasUrlParameter<String> {

    private final ChangeRequestService changes;
    private final ApprovalService approvals;
    private final ChangeApplier applier;
    private final SuggestionService suggestions;
    private final AsyncTaskExecutor executor;
    private final io.sextant.platform.changes.ChangeTargets targets;
    private final io.sextant.platform.changes.TargetSchemaService schema;
    private static final int TRAIL_LIMIT = 200;
    private String changeId;
    private final Div progress = new Div();

    ChangeView(ChangeRequestService changes, ApprovalService approvals, ChangeApplier applier, SuggestionService suggestions,
            @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, io.sextant.platform.changes.ChangeTargets targets,
            io.sextant.platform.changes.TargetSchemaService schema) {
        this.changes = changes;
        this.targets = targets;
        this.schema = schema;
        this.approvals = approvals;
        this.applier = applier;
        this.suggestions = suggestions;
        this.executor = executor;
        setId("change-view");
        setMaxWidth("1200px");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        changeId = parameter;
        render();
    }

    static Span stateBadge(ChangeRequest c) {
        Span s = new Span(c.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (c.flagged() ? " · flagged" : ""));
        s.addClassNames("sx-badge", "sx-badge-" + switch (c.state()) {
            case APPLIED -> "active";
            case REJECTED, FAILED -> "failed";
            case ABANDONED -> "retired";
            default -> "published";
        });
        s.setId("change-state");
        return s;
    }

    private void render() {
        removeAll();
        var found = changes.find(changeId);
        if (found.isEmpty()) {
            // the address's text is not repeated: a crafted link must not be able to put words on a console page
            add(new H1("Change not found"), new Paragraph("No change request has this id. What to do: open the change from "
                    + "its list."), new RouterLink("Change review", ChangesView.class));
            return;
        }
        ChangeRequest c = found.get();
        HorizontalLayout head = new HorizontalLayout(new H1(c.description()), stateBadge(c));
        head.setAlignItems(Alignment.BASELINE);
        add(head, new Paragraph(targets.find(c.targetId()).map(t -> t.displayName() + " (" + c.targetId() + ")").orElse("Target " + c.targetId()) + " · " + place(c) + " · revision " + c.revision() + " · by " + c.author()
                + (c.risk() == null ? "" : " · risk " + c.risk().name().toLowerCase(Locale.ROOT))
                + (c.requiredRole() == null ? "" : " · needs approval by " + c.requiredRole().toLowerCase(Locale.ROOT).replace('_', ' '))
                + (c.stateReason() == null ? "" : " · " + c.stateReason())));
        add(actions(c));
        progress.removeAll();
        progress.setId("change-progress");
        add(progress);
        add(new H2("SQL"), new Paragraph("Forward"), pre(c.forwardSql(), "forward-sql"),
                new Paragraph(c.rollbackSql() == null ? "No rollback given." : "Rollback" + (c.rollbackDerived() ? " (derived by Sextant)" : "")));
        if (c.rollbackSql() != null) {
            add(pre(c.rollbackSql(), "rollback-sql"));
        }
        changes.latestCheck(changeId).ifPresentOrElse(r -> add(CheckReportPanel.of(r)),
                () -> add(new H2("Checks"), new Paragraph("Not checked yet: run the checks to lint it, apply it to a shadow copy "
                        + "with its locks measured and verify its rollback. The live target is never touched by checks.")));
        var ideas = suggestions.suggestions(changeId);
        if (!ideas.isEmpty()) {
            add(new H2("Suggested rewrites"));
            for (var s : ideas) {
                Div box = new Div(new Paragraph(s.rationale()), pre(s.suggestedSql(), "suggestion-sql"),
                        new Paragraph("Lint of this rewrite (it passes every gate of the board like any change):"),
                        CheckReportPanel.lint(s.lint().findings(), "suggestion-lint"));
                box.addClassName("sx-card");
                if (s.candidateChangeId() == null && ChangeLifecycle.inLine(c.state()) && c.state() != ChangeState.APPLYING) {
                    Button accept = new Button("Use this rewrite", e -> {
                        ChangeRequest candidate = suggestions.accept(s.suggestionId());
                        getUI().ifPresent(ui -> ui.navigate(ChangeView.class, candidate.changeId()));
                    });
                    accept.setId("accept-suggestion");
                    accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    box.add(accept);
                } else if (s.candidateChangeId() != null) {
                    box.add(new Paragraph("Submitted as change " + s.candidateChangeId().substring(0, 12) + "."));
                }
                add(box);
            }
        }
        var approved = approvals.currentApprovals(changeId);
        if (!approved.isEmpty()) {
            add(new H2("Approvals"));
            approved.forEach(a -> add(new Paragraph(a.approver() + " (" + a.approverRole() + ") approved content "
                    + a.contentHash().substring(0, 12) + " at " + io.sextant.console.ui.Formats.dateTime(a.approvedAt()) + " UTC")));
        }
        add(new H2("Audit trail"), ChangeAuditTrail.of(changes.auditTrail(changeId, TRAIL_LIMIT)));
    }

    /** Its place in the queue and the version it applied as, or will apply as if the changes ahead of it apply first. */
    private String place(ChangeRequest c) {
        if (c.appliedVersion() != null) {
            return "#" + c.sequence() + " in the queue · applied as version " + c.appliedVersion();
        }
        var q = changes.queue(c.targetId()).stream().filter(x -> x.change().changeId().equals(c.changeId())).findFirst();
        return "#" + c.sequence() + " in the queue" + q.map(x -> (x.version() == null ? " · out of the line" : " · will apply as version " + x.version())
                + (x.waiting() == null ? "" : " · " + x.waiting())).orElse("");
    }


    /**
     * The next steps, each as {@link ChangeLifecycle} decides for this operator and this change's place
     * in its queue: allowed → enabled; not you or not yet → disabled, with the sentence why; not in
     * this state → not shown.
     */
    private VerticalLayout actions(ChangeRequest c) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("change-actions");
        bar.getStyle().set("flex-wrap", "wrap");
        VerticalLayout notes = new VerticalLayout();
        notes.setPadding(false);
        notes.setSpacing(false);
        Actor who = Actor.current();
        Situation situation = changes.situation(changeId);
        offer(bar, notes, decide(Action.CHECK, c, who, situation), c.state() == ChangeState.SUBMITTED ? "Run checks" : "Check again",
                "run-checks", c.state() == ChangeState.SUBMITTED || c.state() == ChangeState.FAILED, this::runChecks);
        if (ChangeLifecycle.inLine(c.state()) && c.state() != ChangeState.APPLYING) {
            bar.add(button("Suggest a safe rewrite", "suggest-rewrite", false, () -> {
                suggestions.suggest(changeId, null);
                render();
            }));
        }
        offer(bar, notes, decide(Action.APPROVE, c, who, situation), "Approve content " + c.contentHash().substring(0, 12), "approve", true, () -> {
            approvals.approve(changeId, c.contentHash());
            Notification.show("Approved");
            render();
        });
        offer(bar, notes, decide(Action.APPLY, c, who, situation), "Apply to " + c.targetId(), "apply-change", true, () -> {
            var result = applier.apply(changeId);
            Notification.show("Change " + result.state().name().toLowerCase(Locale.ROOT)
                    + (result.flagged() ? ": a post-apply check failed; the verified rollback is offered" : "")
                    + (result.failure() != null ? ". Run a drift check of " + c.targetId() + " before anything else applies there" : ""));
            render();
        });
        offer(bar, notes, decide(Action.REVISE, c, who, situation), "Revise", "revise-change", c.state() == ChangeState.FAILED
                || c.state() == ChangeState.REJECTED, () -> new ReviseDialog(c, filter -> schema.tree(c.targetId(), filter, SubmitChangeDialog.SCHEMA_PAGE), (forward, rollback, note) -> {
                    changes.revise(changeId, c.version(), forward, rollback, note);
                    Notification.show("Revision " + (c.revision() + 1) + " saved: run the checks");
                    render();
                }).open());
        offer(bar, notes, decide(Action.RESET, c, who, situation), c.state() == ChangeState.APPLYING ? "Reset stuck apply (marks it failed)"
                : "Reset stuck check", "reset-stuck", false, () -> {
                    changes.resetStuck(changeId);
                    Notification.show(c.state() == ChangeState.APPLYING
                            ? "Marked failed. Run a drift check of " + c.targetId() + " before anything else." : "Back to submitted: run the checks again.");
                    render();
                });
        offer(bar, notes, decide(Action.REJECT, c, who, situation), "Reject", "reject-change", false, () -> {
            changes.reject(changeId, "rejected in the console");
            render();
        });
        offer(bar, notes, decide(Action.ABANDON, c, who, situation), "Abandon", "abandon-change", false, () -> new AbandonDialog(c, reason -> {
            changes.abandon(changeId, reason);
            Notification.show("Abandoned: the changes behind it move up");
            render();
        }).open());
        VerticalLayout actions = new VerticalLayout(bar, notes);
        actions.setPadding(false);
        return actions;
    }

    private static Decision decide(Action action, ChangeRequest c, Actor who, Situation situation) {
        return ChangeLifecycle.decide(action, c, who, situation);
    }

    /** Shows the button as the decision says; a disabled one carries its reason as a tooltip and below the buttons ({@code <id>-why-not}). */
    private void offer(HorizontalLayout bar, VerticalLayout notes, Decision d, String label, String id, boolean primary, Runnable action) {
        if (d.outcome() == ChangeLifecycle.Outcome.WRONG_STATE) {
            return;
        }
        Button b = button(label, id, primary, action);
        bar.add(b);
        if (!d.allowed()) {
            b.setEnabled(false);
            b.setTooltipText(d.reason());
            Span why = new Span(d.reason());
            why.setId(id.replace("-change", "") + "-why-not");
            notes.add(why);
        }
    }

    private Button button(String label, String id, boolean primary, Runnable action) {
        Button b = new Button(label, e -> {
            try {
                action.run();
            } catch (ChangeRefusedException | AccessDeniedException | IllegalStateException | IllegalArgumentException ex) {
                Notification n = Notification.show(ex.getMessage(), 8000, Notification.Position.TOP_CENTER);
                n.setId("change-refused");
            }
        });
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    private void runChecks() {
        UI ui = UI.getCurrent();
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        Span message = new Span("Building the shadow copy…");
        progress.add(bar, message);
        ui.setPollInterval(300);
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                changes.check(changeId, ShadowOptions.defaults(), (phase, done, total, text) -> ui.access(() -> {
                    bar.setIndeterminate(total <= 0);
                    if (total > 0) {
                        bar.setMax(total);
                        bar.setValue(done);
                    }
                    message.setText(phase + ": " + text);
                }));
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    render();
                });
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ChangeView.class).warn("Checks of change {} could not run", changeId, e);
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    render();
                    Notification.show("The checks could not run: " + e.getMessage(), 8000, Notification.Position.TOP_CENTER);
                });
            }
        }));
    }

    static Pre pre(String text, String id) {
        Pre p = new Pre(text);
        p.setId(id);
        p.addClassName("sx-sql");
        return p;
    }
}
