package io.sextant.console.ui.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.sextant.console.ui.Formats;
import io.sextant.platform.authz.CompiledRls;
import io.sextant.platform.authz.ImpactReport;
import io.sextant.platform.authz.Policy;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicySyntaxException;
import io.sextant.platform.authz.PolicyTemplate;
import io.sextant.platform.authz.PolicyTestSuite;
import io.sextant.platform.authz.PolicyVersion;
import io.sextant.platform.tenancy.VersionConflictException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The platform rules, the published version, a draft editor with check, templates, RLS preview, versions, tests, impact, propose. */
class PolicyTab extends VerticalLayout {

    private final PolicyService policies;
    private final UUID projectId;
    private final TextArea draft = new TextArea("Draft");
    private final Span checkResult = new Span();
    private final Div rls = new Div();
    private final Grid<PolicyVersion> versions = new Grid<>();
    private final Div versionResult = new Div();
    private final TextArea tests = new TextArea("Test suite (one case a line)");
    private final Div testResult = new Div();
    private int testsVersion;

    PolicyTab(PolicyService policies, UUID projectId) {
        this.policies = policies;
        this.projectId = projectId;
        setPadding(false);
        setId("policy-tab");

        add(new H3("Platform rules"), PolicyUi.code("platform-rules", policies.platformRules(projectId)));

        add(new H3("Published version"));
        Optional<PolicyVersion> published = policies.published(projectId);
        if (published.isEmpty()) {
            add(PolicyUi.empty("published-empty", "No published policy yet — platform rules only."));
        } else {
            PolicyVersion v = published.get();
            add(new Span("Version " + v.versionHash().substring(0, 12) + " · published " + Formats.dateTime(v.publishedAt()) + " by "
                    + v.publishedBy()), PolicyUi.code("published-source", v.source()));
        }

        add(new H3("Draft"));
        draft.setId("policy-draft");
        draft.setWidthFull();
        draft.setMinHeight("180px");
        draft.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        draft.setValue(published.map(PolicyVersion::source).orElse(""));
        draft.setHelperText("rule <name>: permit|forbid <actions> on <table> [when|unless <condition>];  claims { name: type } declares claims");
        Select<PolicyTemplate.Use> template = new Select<>();
        template.setId("policy-template");
        template.setLabel("Suggested templates");
        template.setWidth("32rem");
        template.setItems(policies.suggestions(projectId));
        template.setItemLabelGenerator(u -> u.template().title() + " on " + u.table() + " — " + u.reason());
        Button insert = new Button("Insert", e -> {
            if (template.getValue() != null) {
                String text = PolicyTemplate.compose(List.of(template.getValue()));
                draft.setValue(draft.getValue().isBlank() ? text : draft.getValue().stripTrailing() + "\n" + text);
            }
        });
        insert.setId("policy-insert-template");
        HorizontalLayout templates = new HorizontalLayout(template, insert);
        templates.setAlignItems(Alignment.BASELINE);
        Button check = new Button("Check", e -> check());
        check.setId("policy-check");
        Button save = new Button("Save draft", e -> saveDraft(published.map(PolicyVersion::versionHash).orElse(null)));
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkResult.setId("policy-check-result");
        HorizontalLayout actions = new HorizontalLayout(check, save, checkResult);
        actions.setAlignItems(Alignment.BASELINE);
        rls.setId("policy-rls");
        rls.setWidthFull();
        add(templates, draft, actions, rls);

        add(new H3("Versions"));
        versions.setId("policy-versions");
        versions.addColumn(v -> v.versionHash().substring(0, 12)).setHeader("Version").setAutoWidth(true);
        versions.addComponentColumn(v -> PolicyUi.badge(v.state(), switch (v.state()) {
            case "published" -> "succeeded";
            case "rejected" -> "refused";
            default -> "draft";
        })).setHeader("State").setAutoWidth(true);
        versions.addColumn(PolicyVersion::author).setHeader("Author").setAutoWidth(true);
        versions.addColumn(v -> Formats.dateTime(v.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        versions.addColumn(v -> v.changeId() == null ? "—" : v.changeId().substring(0, 12)).setHeader("Change").setAutoWidth(true);
        versions.setAllRowsVisible(true);
        versions.setWidthFull();
        Button load = new Button("Load into editor", e -> versions.asSingleSelect().getOptionalValue().ifPresent(v -> draft.setValue(v.source())));
        load.setId("policy-load-version");
        Button impact = new Button("Impact", e -> versions.asSingleSelect().getOptionalValue().ifPresent(this::impact));
        impact.setId("policy-impact");
        Button propose = new Button("Propose for publishing", e -> versions.asSingleSelect().getOptionalValue().ifPresent(this::propose));
        propose.setId("policy-propose");
        versionResult.setId("policy-version-result");
        versionResult.setWidthFull();
        add(versions, new HorizontalLayout(load, impact, propose), versionResult);
        refreshVersions();

        add(new H3("Tests"));
        tests.setId("policy-tests");
        tests.setWidthFull();
        tests.setMinHeight("120px");
        tests.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        tests.setValue(policies.testSuite(projectId));
        testsVersion = policies.testSuiteVersion(projectId);
        Button saveTests = new Button("Save tests", e -> saveTests());
        saveTests.setId("policy-tests-save");
        Button run = new Button("Run tests against the draft", e -> runTests());
        run.setId("policy-tests-run");
        testResult.setId("policy-tests-result");
        testResult.setWidthFull();
        add(tests, new HorizontalLayout(saveTests, run), testResult);
    }

    /** The editor's text, for the simulator's what-if. */
    String draft() {
        return draft.getValue();
    }

    private void refreshVersions() {
        List<PolicyVersion> all = policies.versions(projectId);
        versions.setItems(all);
        versions.setVisible(!all.isEmpty());
    }

    private void check() {
        rls.removeAll();
        checkResult.removeClassName("sx-error-text");
        try {
            Policy p = policies.check(projectId, draft.getValue());
            checkResult.setText("Compiles: " + p.rules().size() + " rule(s), version " + p.hash().substring(0, 12));
            CompiledRls compiled = policies.compile(projectId, draft.getValue());
            rls.add(new Span("Row-level security it installs (" + compiled.policies().size() + " policies):"),
                    PolicyUi.code("policy-rls-sql", String.join(";\n", compiled.statements()) + (compiled.statements().isEmpty() ? "" : ";")));
        } catch (PolicySyntaxException e) {
            checkResult.setText("Line " + e.line() + ", column " + e.column() + ": " + e.problem());
            checkResult.addClassName("sx-error-text");
        } catch (RuntimeException e) {
            checkResult.setText(String.valueOf(e.getMessage()));
            checkResult.addClassName("sx-error-text");
        }
    }

    private void saveDraft(String parent) {
        PolicyVersion v = PolicyUi.attempt(() -> policies.saveDraft(projectId, draft.getValue(), parent));
        if (v != null) {
            Notification.show("Saved draft " + v.versionHash().substring(0, 12));
            refreshVersions();
            versions.select(v);
        }
    }

    private void impact(PolicyVersion v) {
        ImpactReport r = PolicyUi.attempt(() -> policies.impact(projectId, v.versionHash(), Duration.ofDays(30)));
        versionResult.removeAll();
        if (r == null) {
            return;
        }
        versionResult.add(new Span("Replayed " + r.replayed() + " live decision(s) of the last 30 days: " + r.unchanged() + " unchanged, "
                + r.flips().size() + " would flip."));
        if (!r.flips().isEmpty()) {
            Grid<ImpactReport.Flip> flips = new Grid<>();
            flips.setId("policy-impact-flips");
            flips.addColumn(ImpactReport.Flip::request).setHeader("Request").setFlexGrow(3);
            flips.addColumn(f -> f.before() + " → " + f.after()).setHeader("Effect").setAutoWidth(true);
            flips.addColumn(f -> String.join(", ", f.decidingRulesAfter())).setHeader("Decided by (after)").setAutoWidth(true);
            flips.setItems(r.flips());
            flips.setAllRowsVisible(true);
            versionResult.add(flips);
        }
    }

    private void propose(PolicyVersion v) {
        var change = PolicyUi.attempt(() -> policies.propose(projectId, v.versionHash()));
        versionResult.removeAll();
        if (change != null) {
            var link = io.sextant.console.ui.changes.ChangesNavigation.changeLink(
                    "Change " + change.changeId().substring(0, 12) + " on the review board", change.changeId());
            link.setId("policy-proposed-link");
            versionResult.add(new Span("Proposed; a security administrator approves it on the review board: "), link);
            refreshVersions();
        }
    }

    private void saveTests() {
        try {
            testsVersion = policies.saveTestSuite(projectId, tests.getValue(), testsVersion);
            Notification.show("Tests saved (version " + testsVersion + ")");
        } catch (VersionConflictException e) {
            PolicyUi.error(e.getMessage());
        } catch (PolicySyntaxException e) {
            PolicyUi.error(e.getMessage());
        } catch (RuntimeException e) {
            PolicyUi.error(PolicyUi.message(e));
        }
    }

    private void runTests() {
        testResult.removeAll();
        String source = draft.getValue().isBlank() ? null : draft.getValue();
        PolicyTestSuite.Report r = PolicyUi.attempt(() -> {
            if (!tests.getValue().equals(policies.testSuite(projectId))) {
                throw new IllegalStateException("Save the tests first: the suite runs as stored");
            }
            return policies.runTests(projectId, source);
        });
        if (r == null) {
            return;
        }
        if (r.results().isEmpty()) {
            testResult.add(PolicyUi.empty("policy-tests-empty", "No test cases yet."));
            return;
        }
        Span summary = new Span(r.passed() ? "All " + r.results().size() + " passed" : r.failures() + " of " + r.results().size() + " failed");
        summary.addClassName(r.passed() ? "sx-check-passed" : "sx-check-failed");
        Grid<PolicyTestSuite.Result> grid = new Grid<>();
        grid.setId("policy-tests-grid");
        grid.addColumn(x -> x.testCase().line()).setHeader("Line").setAutoWidth(true);
        grid.addColumn(x -> x.passed() ? "pass" : "FAIL").setHeader("Result").setAutoWidth(true);
        grid.addColumn(x -> x.testCase().text()).setHeader("Case").setFlexGrow(3);
        grid.addColumn(x -> x.testCase().expected() + " / " + x.actual()).setHeader("Expected / actual").setAutoWidth(true);
        grid.addColumn(x -> String.join(", ", x.decidingRules())).setHeader("Decided by").setAutoWidth(true);
        grid.setItems(r.results());
        grid.setAllRowsVisible(true);
        testResult.add(summary, grid);
    }
}
