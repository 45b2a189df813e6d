package io.sextant.console.ui.onboarding;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.console.ui.tenancy.ProjectView;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.onboarding.OnboardingFlow;
import io.sextant.platform.onboarding.OnboardingService;
import io.sextant.platform.onboarding.PlanChange;
import io.sextant.platform.onboarding.TenantRequest;
import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Preflight;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningResult;
import io.sextant.platform.tenancy.ProvisioningStep;
import io.sextant.platform.tenancy.TenancyConflictException;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Intent-first onboarding: say what the tenant is building and must comply with; Sextant derives
 * plan, region, isolation, policies, audit retention and backups — each with its reason and
 * editable — checks them (preflight creates nothing), then provisions the tenant for real with
 * progress shown. Views orchestrate: deriving, checking and applying are {@link OnboardingFlow}'s.
 */
@Route("onboarding")
@PageTitle("New tenant · Sextant")
@Menu(order = 11, icon = "vaadin:magic", title = "New tenant")
@RolesAllowed(ConsoleRole.OPERATOR_NAME)
class OnboardingView extends VerticalLayout {

    private final OnboardingFlow flow;
    private final OnboardingService onboarding;
    private final AsyncTaskExecutor executor;
    private final ComboBox<String> organization = new ComboBox<>("Organisation");
    private final TextField newOrgName = new TextField("New organisation's name");
    private final TextField projectName = new TextField("Project name");
    private final IntentForm intent = new IntentForm(this::derive);
    private final SetupPanel setup = new SetupPanel(o -> derive());
    private final Div checks = new Div();
    private final Div planWarning = new Div();
    /** The plan the operator ticked to move the organisation to; cleared by any edit (it confirms one setup). */
    private String confirmedPlan;
    private final Div progress = new Div();
    private final Button preflight = new Button("Check the setup");
    private final Button apply = new Button("Create tenant");
    private final String idempotencyKey = UUID.randomUUID().toString();

    OnboardingView(OnboardingFlow flow, OnboardingService onboarding, OrganizationService organizations,
            @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.flow = flow;
        this.onboarding = onboarding;
        this.executor = executor;
        setId("onboarding-view");
        setMaxWidth("1100px");
        organization.setId("org");
        organization.setItems(organizations.list().stream().map(Organization::slug).toList());
        organization.setAllowCustomValue(true);
        organization.addCustomValueSetListener(e -> organization.setValue(e.getDetail()));
        organization.setHelperText("Pick one, or type a new organisation's short name (lower case, dashes).");
        newOrgName.setId("new-org-name");
        newOrgName.setVisible(false);
        organization.addValueChangeListener(e -> {
            boolean isNew = e.getValue() != null && !organizations.list().stream().map(Organization::slug).toList().contains(e.getValue());
            newOrgName.setVisible(isNew);
            invalidateChecks();
        });
        projectName.setId("project-name");
        projectName.setHelperText("Its short name is derived from it.");
        projectName.addValueChangeListener(e -> invalidateChecks());
        HorizontalLayout names = new HorizontalLayout(organization, newOrgName, projectName);
        names.setAlignItems(Alignment.BASELINE);
        names.setWrap(true);

        preflight.setId("run-preflight");
        preflight.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preflight.addClickListener(e -> runPreflight());
        apply.setId("apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        apply.setEnabled(false);
        apply.addClickListener(e -> runApply());
        checks.setId("preflight-checks");
        planWarning.setId("plan-change-warning");
        progress.setId("apply-progress");

        add(new H1("New tenant"), new Paragraph("Answer what the tenant is building and what it must comply with. Sextant "
                        + "proposes a setup with a reason for every choice; change anything you like."),
                names, new H2("1 · About the tenant"), intent, new H2("2 · Proposed setup"), setup,
                new H2("3 · Check and create"), preflight, planWarning, checks, apply, progress);
        derive();
    }

    private void derive() {
        invalidateChecks();
        try {
            setup.show(onboarding.derive(intent.intent(), setup.overrides()), onboarding.rules());
        } catch (IllegalStateException e) {
            setup.removeAll();
            setup.add(new Paragraph(e.getMessage()));
        }
    }

    private void invalidateChecks() {
        confirmedPlan = null;
        clearChecks();
    }

    private void clearChecks() {
        checks.removeAll();
        planWarning.removeAll();
        planWarning.setVisible(false);
        apply.setEnabled(false);
    }

    private TenantRequest request() {
        String name = projectName.getValue().strip();
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String org = organization.getValue() == null ? "" : organization.getValue().strip();
        return new TenantRequest(org, newOrgName.isVisible() ? newOrgName.getValue() : null, slug, name,
                intent.intent(), setup.overrides(), confirmedPlan);
    }

    private void runPreflight() {
        clearChecks();
        try {
            var result = flow.preflight(request());
            if (result.planChange() != null) {
                showPlanChange(result.planChange());
            }
            for (Preflight.Check c : result.checks()) {
                // an unconfirmed plan change is a question for the operator, not an error in the setup
                boolean toConfirm = "plan-change".equals(c.item()) && c.outcome() == Preflight.Outcome.FAILED;
                Span mark = new Span(toConfirm ? "!" : switch (c.outcome()) {
                    case PASSED -> "✓";
                    case FAILED -> "✗";
                    case NOT_CHECKED -> "–";
                });
                mark.addClassNames("sx-check-mark", toConfirm ? "sx-check-warning" : "sx-check-" + c.outcome().name().toLowerCase(Locale.ROOT));
                Div row = new Div(mark, new Span(c.detail()));
                row.addClassName("sx-check-row");
                checks.add(row);
            }
            apply.setEnabled(result.ok());
            boolean onlyConfirmationMissing = result.checks().stream().filter(c -> c.outcome() == Preflight.Outcome.FAILED)
                    .allMatch(c -> "plan-change".equals(c.item()));
            if (!result.ok()) {
                checks.add(new Paragraph(onlyConfirmationMissing
                        ? "Confirm the plan change above to create the tenant. Nothing was created."
                        : "Fix the items marked ✗, then check again. Nothing was created."));
            }
        } catch (IllegalArgumentException e) {
            checks.add(new Paragraph(e.getMessage()));
        }
    }

    /** What moving the organisation means for its other projects, and the tick that confirms exactly that plan. */
    private void showPlanChange(PlanChange change) {
        planWarning.addClassName("sx-warning");
        planWarning.setVisible(true);
        UnorderedList differences = new UnorderedList();
        change.differences().forEach(d -> differences.add(new ListItem(d)));
        Checkbox confirm = new Checkbox("Move " + change.organizationName() + " and all its projects to the " + change.toPlan() + " plan");
        confirm.setId("confirm-plan-change");
        confirm.setValue(change.confirmed());
        confirm.addValueChangeListener(e -> {
            confirmedPlan = e.getValue() ? change.toPlanCode() : null;
            runPreflight();
        });
        planWarning.add(new H3("This changes the organisation's plan"), new Paragraph(change.summary()),
                new Paragraph("For every project of " + change.organizationName() + ":"), differences, confirm);
    }

    private void runApply() {
        apply.setEnabled(false);
        preflight.setEnabled(false);
        progress.removeAll();
        ProgressBar bar = new ProgressBar(0, ProvisioningStep.values().length);
        bar.setId("apply-bar");
        Div steps = new Div();
        progress.add(bar, steps);
        UI ui = UI.getCurrent();
        ui.setPollInterval(300);
        TenantRequest request = request();
        ProvisioningListener listener = new ProvisioningListener() {
            @Override
            public void finished(ProvisioningStep step, boolean skipped) {
                ui.access(() -> {
                    bar.setValue(step.ordinal() + 1);
                    steps.add(new Div(new Span("✓ "), new Span(step.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (skipped ? " (done by an earlier attempt)" : ""))));
                });
            }
        };
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                ProvisioningResult result = flow.apply(request, idempotencyKey, listener);
                ui.access(() -> done(result));
            } catch (TenancyConflictException e) {
                ui.access(() -> failed(String.join(" ", e.reasons())));
            } catch (RuntimeException e) {
                ui.access(() -> failed(e.getMessage()));
            }
        }));
    }

    private void done(ProvisioningResult result) {
        UI.getCurrent().setPollInterval(-1);
        preflight.setEnabled(true);
        if (result.status() != ProvisioningResult.Status.SUCCEEDED && result.status() != ProvisioningResult.Status.ALREADY_SUCCEEDED) {
            failed("Provisioning stopped at step " + result.failedStep() + ": " + result.error() + " — “Create tenant” again resumes it.");
            apply.setEnabled(true);
            return;
        }
        Div box = new Div();
        box.setId("tenant-ready");
        box.addClassName("sx-card");
        box.add(new H2("Tenant ready"));
        var creds = result.credentials();
        if (creds != null) {
            box.add(new Paragraph("Copy these now; they are shown once and only their hashes are kept."),
                    new Paragraph(new Span("Database role: "), new Code(creds.role()), new Span("  password: "), new Code(creds.password())),
                    new Paragraph(new Span("anon key: "), new Code(creds.anonKey())),
                    new Paragraph(new Span("service key: "), new Code(creds.serviceKey())));
        }
        Button open = new Button("Open the project graph", e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class,
                result.projectId().toString())));
        open.setId("open-project");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(open);
        progress.add(box);
    }

    private void failed(String message) {
        UI.getCurrent().setPollInterval(-1);
        preflight.setEnabled(true);
        Paragraph p = new Paragraph(message);
        p.setId("apply-error");
        p.addClassName("sx-error-text");
        progress.add(p);
    }
}
