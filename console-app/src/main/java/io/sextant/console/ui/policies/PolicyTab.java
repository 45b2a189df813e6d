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
import io.sextant.platform.authz.Policy;
import io.sextant.platform.authz.PolicyApprovals;
import io.sextant.platform.authz.PolicyService;
import io.sextant.platform.authz.PolicySyntaxException;
import io.sextant.platform.authz.PolicyTemplate;
import io.sextant.platform.authz.PolicyTestSuite;
import io.sextant.platform.authz.PolicyVersion;
import io.sextant.platform.tenancy.VersionConflictException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The platform rules, the published version, a draft editor with check, templates, RLS preview, versions, tests, impact, propose. */
class PolicyTab extends VerticalLayout {

    private final PolicyService policies;
    private final UUID projectId;
    private final TextArea draft = new TextArea("Draft");
    private final Span checkResult = new Span();
    private final Div rls = new Div();
    private final Div publishedBox = new Div();
    private final Span saveResult = new Span();
    private final VersionsPanel versions;
    /** The version this tab saved last: saving the same text again says so in place instead of notifying twice. */
    private @Nullable String lastSaved;
    private final TextArea tests = new TextArea("Test suite (one case a line)");
    private final Div testResult = new Div();
    private int testsVersion;

    PolicyTab(PolicyService policies, PolicyApprovals approvals, UUID projectId) {
        this.policies = policies;
        this.projectId = projectId;
        setPadding(false);
        setId("policy-tab");

        add(new H3("Platform rules"), PolicyUi.code("platform-rules", policies.platformRules(projectId)));

        add(new H3("Published version"), publishedBox);
        publishedBox.setWidthFull();
        Optional<PolicyVersion> published = showPublished();

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
        Button save = new Button("Save draft", e -> saveDraft());
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkResult.setId("policy-check-result");
        saveResult.setId("policy-save-result");
        HorizontalLayout actions = new HorizontalLayout(check, PolicyUi.gated(save, PolicyUi.needsWriter("Saving a draft")), checkResult, saveResult);
        actions.setAlignItems(Alignment.BASELINE);
        rls.setId("policy-rls");
        rls.setWidthFull();
        add(templates, draft, actions, rls);

        add(new H3("Versions"));
        versions = new VersionsPanel(policies, approvals, projectId, draft::setValue, this::showPublished);
        versions.setWidthFull();
        add(versions);

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
        HorizontalLayout testActions = new HorizontalLayout(PolicyUi.gated(saveTests, PolicyUi.needsWriter("Saving the tests")), run);
        testActions.setAlignItems(Alignment.BASELINE);
        add(tests, testActions, testResult);
    }

    /** The editor's text, for the simulator's what-if. */
    String draft() {
        return draft.getValue();
    }

    private Optional<PolicyVersion> showPublished() {
        publishedBox.removeAll();
        Optional<PolicyVersion> published = policies.published(projectId);
        if (published.isEmpty()) {
            publishedBox.add(PolicyUi.empty("published-empty", "No published policy yet — platform rules only."));
        } else {
            PolicyVersion v = published.get();
            Span line = new Span("Version " + v.versionHash().substring(0, 12) + " · published " + Formats.dateTime(v.publishedAt()) + " by "
                    + v.publishedBy());
            line.setId("published-version");
            publishedBox.add(line, PolicyUi.code("published-source", v.source()));
        }
        return published;
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

    /**
     * One notification per saved version: saving a text whose version this tab saved last (a double
     * click, a second press without an edit) creates nothing, so it only says so beside the button.
     */
    private void saveDraft() {
        String parent = policies.published(projectId).map(PolicyVersion::versionHash).orElse(null);
        List<String> known = versions.hashes();
        PolicyVersion v = PolicyUi.attempt(() -> policies.saveDraft(projectId, draft.getValue(), parent));
        if (v == null) {
            return;
        }
        String shortHash = v.versionHash().substring(0, 12);
        if (v.versionHash().equals(lastSaved)) {
            saveResult.setText("Unchanged since it was saved as version " + shortHash + ".");
            return;
        }
        lastSaved = v.versionHash();
        String words = !known.contains(v.versionHash()) ? "Saved draft " + shortHash : "This text is already version " + shortHash + " (" + v.state() + ")";
        saveResult.setText(words + ".");
        Notification.show(words);
        versions.select(v.versionHash());
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
