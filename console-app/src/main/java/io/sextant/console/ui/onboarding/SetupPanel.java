package io.sextant.console.ui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.sextant.platform.onboarding.BackupTarget;
import io.sextant.platform.onboarding.DerivedItem;
import io.sextant.platform.onboarding.DerivedSetup;
import io.sextant.platform.onboarding.OnboardingRules;
import io.sextant.platform.onboarding.Overrides;
import io.sextant.platform.onboarding.PlanTerms;
import io.sextant.platform.onboarding.PolicyPack;
import io.sextant.platform.onboarding.RegionTerms;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.function.Consumer;

/**
 * The derived setup: each item with its value, the reason for it, and a control to change it;
 * changing one re-derives the rest. Conflicts are listed with what to do about them.
 */
class SetupPanel extends VerticalLayout {

    private final Consumer<Overrides> onEdit;
    private Overrides overrides = Overrides.NONE;

    SetupPanel(Consumer<Overrides> onEdit) {
        this.onEdit = onEdit;
        setId("setup-panel");
        setPadding(false);
    }

    Overrides overrides() {
        return overrides;
    }

    void show(DerivedSetup setup, OnboardingRules rules) {
        removeAll();
        Div items = new Div();
        items.addClassName("sx-setup-items");
        Select<PlanTerms> plan = select("setup-plan", rules.plans(), PlanTerms::displayName, setup.plan().value(),
                v -> edit(overrides.withPlan(v.code())));
        Select<RegionTerms> region = select("setup-region", rules.regions(), r -> r.displayName() + " (" + r.jurisdiction() + ")",
                setup.region().value(), v -> edit(overrides.withRegion(v.code())));
        Select<IsolationModel> isolation = select("setup-isolation", java.util.List.of(IsolationModel.values()),
                m -> m == IsolationModel.SHARED ? "Shared (row-level security)" : "Dedicated database", setup.isolation().value(),
                v -> edit(overrides.withIsolation(v)));
        CheckboxGroup<PolicyPack> packs = new CheckboxGroup<>();
        packs.setId("setup-packs");
        packs.setItems(PolicyPack.values());
        packs.setItemLabelGenerator(PolicyPack::label);
        packs.setValue(setup.policyPacks().value());
        packs.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edit(overrides.withPolicyPacks(e.getValue()));
            }
        });
        IntegerField retention = new IntegerField();
        retention.setId("setup-retention");
        retention.setSuffixComponent(new Span("days"));
        retention.setMin(1);
        retention.setValue(setup.auditRetentionDays().value());
        retention.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue() > 0) {
                edit(overrides.withAuditRetentionDays(e.getValue()));
            }
        });
        Select<BackupTarget> backup = select("setup-backup", java.util.List.of(BackupTarget.values()), BackupTarget::description,
                setup.backup().value(), v -> edit(overrides.withBackup(v)));
        items.add(item("Plan", plan, setup.plan()), item("Region", region, setup.region()),
                item("Isolation", isolation, setup.isolation()), item("Policy packs", packs, setup.policyPacks()),
                item("Audit retention", retention, setup.auditRetentionDays()), item("Backups", backup, setup.backup()));
        add(items);
        if (!setup.conflicts().isEmpty()) {
            Div conflicts = new Div();
            conflicts.setId("setup-conflicts");
            conflicts.addClassName("sx-conflicts");
            conflicts.add(new H3("Conflicts to resolve"));
            setup.conflicts().forEach(c -> conflicts.add(new Paragraph(c.message())));
            add(conflicts);
        }
        if (overrides != Overrides.NONE) {
            Button reset = new Button("Undo my changes", e -> edit(Overrides.NONE));
            reset.setId("setup-reset");
            reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(reset);
        }
    }

    private void edit(Overrides next) {
        overrides = next;
        onEdit.accept(next);
    }

    private static Component item(String title, Component editor, DerivedItem<?> derived) {
        Div card = new Div();
        card.addClassName("sx-setup-item");
        Span t = new Span(title + (derived.overridden() ? " · your choice" : ""));
        t.addClassName("sx-card-title");
        Span reason = new Span(derived.reason());
        reason.addClassName("sx-card-detail");
        reason.addClassName("sx-reason");
        card.add(t, editor, reason);
        return card;
    }

    private static <T> Select<T> select(String id, java.util.List<T> items, java.util.function.Function<T, String> label, T value,
            Consumer<T> onUserChange) {
        Select<T> s = new Select<>();
        s.setId(id);
        s.setItems(items);
        s.setItemLabelGenerator(label::apply);
        s.setValue(items.stream().filter(i -> i.equals(value)).findFirst().orElse(value));
        s.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onUserChange.accept(e.getValue());
            }
        });
        s.setWidthFull();
        return s;
    }
}
