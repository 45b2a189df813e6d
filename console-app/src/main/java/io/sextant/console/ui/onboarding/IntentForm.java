package io.sextant.console.ui.onboarding;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.sextant.platform.onboarding.Answer;
import io.sextant.platform.onboarding.Building;
import io.sextant.platform.onboarding.DataAnswers;
import io.sextant.platform.onboarding.EndUsers;
import io.sextant.platform.onboarding.Intent;
import io.sextant.platform.onboarding.Question;
import io.sextant.platform.onboarding.Recovery;
import io.sextant.platform.onboarding.Residency;
import io.sextant.platform.onboarding.Scale;
import io.sextant.platform.tenancy.DataClass;

/** The six plain questions, each with its answers' help text and a safe default already chosen. */
class IntentForm extends FormLayout {

    private final RadioButtonGroup<Building> building = radios(Question.BUILDING, "q-building", Building.values());
    private final RadioButtonGroup<EndUsers> endUsers = radios(Question.END_USERS, "q-end-users", EndUsers.values());
    private final CheckboxGroup<DataClass> data = new CheckboxGroup<>(Question.DATA.label());
    private final RadioButtonGroup<Residency> residency = radios(Question.RESIDENCY, "q-residency", Residency.values());
    private final RadioButtonGroup<Scale> scale = radios(Question.SCALE, "q-scale", Scale.values());
    private final RadioButtonGroup<Recovery> recovery = radios(Question.RECOVERY, "q-recovery", Recovery.values());

    IntentForm(Runnable onChange) {
        data.setId("q-data");
        data.setItems(DataClass.values());
        data.setItemLabelGenerator(DataAnswers::label);
        data.setHelperText(Question.DATA.help() + " Leave all unticked for “" + DataAnswers.NONE_LABEL + "”.");
        Intent d = Intent.DEFAULT;
        building.setValue(d.building());
        endUsers.setValue(d.endUsers());
        data.setValue(d.data());
        residency.setValue(d.residency());
        scale.setValue(d.scale());
        recovery.setValue(d.recovery());
        for (var f : new com.vaadin.flow.component.HasValue<?, ?>[] {building, endUsers, data, residency, scale, recovery}) {
            f.addValueChangeListener(e -> onChange.run());
        }
        add(building, endUsers, data, residency, scale, recovery);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("900px", 2));
    }

    Intent intent() {
        return new Intent(building.getValue(), endUsers.getValue(), data.getValue(), residency.getValue(), scale.getValue(),
                recovery.getValue());
    }

    private static <T extends Enum<T> & Answer> RadioButtonGroup<T> radios(Question q, String id, T[] values) {
        RadioButtonGroup<T> group = new RadioButtonGroup<>(q.label());
        group.setId(id);
        group.setItems(values);
        group.setItemLabelGenerator(Answer::label);
        group.setHelperText(q.help());
        group.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(v -> {
            var label = new com.vaadin.flow.component.html.Span(v.label());
            label.getElement().setAttribute("title", v.help());
            return label;
        }));
        group.setRequired(true);
        return group;
    }
}
