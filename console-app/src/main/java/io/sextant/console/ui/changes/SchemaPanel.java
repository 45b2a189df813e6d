package io.sextant.console.ui.changes;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.SchemaTree;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The target's relations beside a SQL editor: each by its qualified name (what a change must
 * write), with its columns, types, nullability and key; a filter for targets with many tables;
 * the search_path a change runs with. Clicking a relation hands its qualified name to the editor.
 * It takes a loader (filter → tree), not a service: the dialog decides which target it shows.
 */
class SchemaPanel extends VerticalLayout {

    private final Paragraph searchPath = new Paragraph();
    private final TextField filter = new TextField();
    private final Span summary = new Span();
    private final Grid<SchemaTree.Table> grid = new Grid<>();
    private @Nullable Function<String, SchemaTree> loader;

    SchemaPanel(Consumer<String> onPick) {
        setId("schema-panel");
        addClassName("sx-schema-panel");
        setPadding(false);
        setSpacing(false);
        searchPath.setId("schema-search-path");
        searchPath.addClassName("sx-card-detail");
        filter.setId("schema-filter");
        filter.setPlaceholder("Filter tables or columns");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidthFull();
        filter.addValueChangeListener(e -> reload());
        summary.setId("schema-summary");
        summary.addClassName("sx-card-detail");
        grid.setId("schema-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> t.qualifiedName() + ("table".equals(t.kind()) ? "" : " (" + t.kind() + ")"))
                .setHeader("Relation (click to insert)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SchemaPanel::columns).setHeader("Columns").setFlexGrow(1);
        grid.getStyle().set("font-size", "var(--lumo-font-size-s)");
        grid.addItemClickListener(e -> onPick.accept(e.getItem().qualifiedName()));
        grid.setHeight("420px");
        add(new H4("Schema of the target"), searchPath, filter, summary, grid);
        show(null);
    }

    /** Shows the tree {@code loader} gives for the current filter; null: no target chosen. */
    void show(@Nullable Function<String, SchemaTree> loader) {
        this.loader = loader;
        filter.setEnabled(loader != null);
        reload();
    }

    private void reload() {
        if (loader == null) {
            searchPath.setText("Choose a target to see its schemas, tables and columns.");
            summary.setText("");
            grid.setItems();
            return;
        }
        SchemaTree tree;
        try {
            tree = loader.apply(filter.getValue());
        } catch (ChangeRefusedException e) {
            summary.setText(e.getMessage());
            summary.addClassName("sx-error-text");
            grid.setItems();
            return;
        }
        summary.removeClassName("sx-error-text");
        String path = String.join(", ", tree.searchPath());
        searchPath.setText("Runs with search_path = " + path + "; unqualified names resolve to "
                + (tree.searchPath().isEmpty() ? "nothing of the target's: qualify every name"
                : tree.searchPath().size() == 1 ? path + " (write " + path + ".table, or just table)"
                : "the first of " + path + " that holds them, and an unqualified CREATE lands in " + tree.searchPath().getFirst()) + ".");
        grid.setItems(tree.tables());
        summary.setText(summary(tree));
    }

    private static String summary(SchemaTree tree) {
        String schemas = tree.schemas().stream().map(s -> s.name() + " (" + s.relations() + ")").collect(Collectors.joining(", "));
        if (tree.schemas().stream().allMatch(s -> s.relations() == 0)) {
            return tree.schemas().isEmpty() ? "The target's schemas do not exist yet." : "No table in " + schemas.replace(" (0)", "") + " yet.";
        }
        if (tree.tables().isEmpty()) return "Nothing matches \"" + tree.filter() + "\". Schemas: " + schemas + ".";
        if (tree.truncated()) {
            return "Showing " + tree.tables().size() + " of " + tree.matching() + " relations: type to narrow. Schemas: " + schemas + ".";
        }
        String count = tree.matching() + (tree.matching() == 1 ? " relation" : " relations");
        if (!tree.filter().isEmpty()) count += tree.matching() == 1 ? " matches" : " match";
        return count + ". Schemas: " + schemas + ".";
    }

    private static String columns(SchemaTree.Table t) {
        return t.columns().stream().map(c -> c.name() + " " + c.type() + (c.primaryKey() ? " key" : c.nullable() ? "" : " not null"))
                .collect(Collectors.joining(", "));
    }
}
