package io.sextant.console.ui.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ConsoleTest;
import io.sextant.console.ViewTestTargets;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.TargetSchemaService;
import io.sextant.platform.identity.ConsoleRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The submit dialog, server-side, on real targets: the schema panel before a target is chosen, on
 * an empty target and filtered on a known one; a syntax error positioned in the editor with the
 * text kept; an unknown table caught at submit with the nearest name, then submitted anyway or fixed.
 */
@ConsoleTest
class SubmitChangeDialogViewTest extends SpringBrowserlessTest {

    static final String DOCUMENTS = """
            create table document (id bigint primary key, title text not null, body text);
            create table items (id bigint primary key, label text not null);
            """;

    @Autowired
    ViewTestTargets testTargets;
    @Autowired
    ChangeRequestService changes;
    @Autowired
    TargetSchemaService schema;

    @Override
    protected Set<String> scanPackages() {
        return Set.of(ChangesView.class.getPackageName());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String user, ConsoleRole role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name())));
    }

    private void openDialogOn(String targetId) {
        $(Dialog.class).all().forEach(Dialog::close);
        navigate(ChangesView.class);
        test($(Button.class).id("submit-change")).click();
        @SuppressWarnings("unchecked")
        Select<ChangeTarget> target = $(Select.class).id("change-target");
        target.setValue(target.getListDataView().getItems().filter(t -> t.targetId().equals(targetId)).findFirst().orElseThrow());
    }

    private String text(String id) {
        return $(Paragraph.class).withId(id).exists() ? $(Paragraph.class).id(id).getText() : $(Span.class).id(id).getText();
    }

    @Test
    void theSchemaPanelShowsAnEmptyTargetAndFiltersAKnownOneByQualifiedName() throws Exception {
        testTargets.create("ui_schema_empty", "select 1");
        testTargets.create("ui_schema_docs", DOCUMENTS);
        as("operator-schema", ConsoleRole.OPERATOR);
        navigate(ChangesView.class);
        test($(Button.class).id("submit-change")).click();
        assertThat(text("schema-search-path")).isEqualTo("Choose a target to see its schemas, tables and columns.");

        openDialogOn("ui_schema_empty");
        assertThat(text("schema-summary")).isEqualTo("No table in app yet.");
        assertThat(text("schema-search-path")).startsWith("Runs with search_path = app; unqualified names resolve to app");
        assertThat(test($(Grid.class).id("schema-grid")).size()).isZero();

        openDialogOn("ui_schema_docs");
        var grid = test($(Grid.class).id("schema-grid"));
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 0)).isEqualTo("app.document");
        assertThat(grid.getCellText(0, 1)).isEqualTo("id bigint key, title text not null, body text");
        assertThat(text("schema-summary")).isEqualTo("2 relations. Schemas: app (2).");

        test($(TextField.class).id("schema-filter")).setValue("LABEL");
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("app.items");
        test($(TextField.class).id("schema-filter")).setValue("nothing-like-it");
        assertThat(grid.size()).isZero();
        assertThat(text("schema-summary")).startsWith("Nothing matches \"nothing-like-it\"");

        // The dialog hands a clicked name to the editor's caret in the browser (SchemaPanelJourneyTest);
        // here, what the panel hands on is checked.
        $(Dialog.class).all().forEach(Dialog::close);
        List<String> picked = new ArrayList<>();
        SchemaPanel panel = new SchemaPanel(picked::add);
        UI.getCurrent().add(panel);
        panel.show(filter -> schema.tree("ui_schema_docs", filter, SubmitChangeDialog.SCHEMA_PAGE));
        test($(Grid.class).id("schema-grid")).clickRow(1);
        assertThat(picked).containsExactly("app.items");
    }

    @Test
    void aSyntaxErrorIsShownAtItsLineAndTheTextIsKept() throws Exception {
        testTargets.create("ui_schema_syntax", DOCUMENTS);
        as("operator-syntax", ConsoleRole.OPERATOR);
        openDialogOn("ui_schema_syntax");
        String sql = "alter table app.document add column a text;\nalter tabel app.document add column b text";
        test($(TextArea.class).id("change-forward")).setValue(sql);
        test($(Button.class).id("change-submit")).click();

        TextArea forward = $(TextArea.class).id("change-forward");
        assertThat(forward.isInvalid()).isTrue();
        assertThat(forward.getErrorMessage()).isEqualTo("Line 2, column 7: syntax error at or near \"tabel\"");
        assertThat(forward.getValue()).isEqualTo(sql);
        assertThat($(Span.class).withClassName("sx-error-text").all()).anyMatch(s -> s.getText().contains("forward, line 2, column 7"));
        assertThat(changes.list("ui_schema_syntax")).isEmpty();

        test(forward).setValue(sql.replace("tabel", "table"));
        assertThat(forward.isInvalid()).as("an edit clears the mark").isFalse();
    }

    @Test
    void anUnknownTableIsCaughtAtSubmitWithTheNearestNameThenSubmittedAnywayOrFixed() throws Exception {
        testTargets.create("ui_schema_typo", DOCUMENTS);
        as("operator-typo", ConsoleRole.SECURITY_ADMIN);
        openDialogOn("ui_schema_typo");
        test($(TextArea.class).id("change-forward")).setValue("alter table app.documnet add column note text");
        test($(Button.class).id("change-submit")).click();

        String shown = $(Div.class).id("change-draft-findings").getElement().getTextRecursively();
        assertThat(shown).contains("Line 1, column 13").contains("Did you mean app.document?");
        assertThat($(Button.class).id("change-submit").getText()).isEqualTo("Submit anyway");
        assertThat(changes.list("ui_schema_typo")).as("nothing is submitted yet").isEmpty();

        test($(TextArea.class).id("change-forward")).setValue("alter table app.document add column note text");
        assertThat($(Div.class).id("change-draft-findings").getChildren()).as("fixing the text answers the warning").isEmpty();
        assertThat($(Button.class).id("change-submit").getText()).isEqualTo("Submit");
        test($(Button.class).id("change-submit")).click();
        assertThat(changes.list("ui_schema_typo")).singleElement()
                .satisfies(c -> assertThat(c.forwardSql()).isEqualTo("alter table app.document add column note text"));

        openDialogOn("ui_schema_typo");
        test($(TextArea.class).id("change-forward")).setValue("alter table app.documnet add column other text");
        test($(Button.class).id("change-submit")).click();
        assertThat($(Button.class).id("change-submit").getText()).isEqualTo("Submit anyway");
        test($(Button.class).id("change-submit")).click();
        assertThat(changes.list("ui_schema_typo")).as("a warning, not a refusal").hasSize(2);
    }
}
