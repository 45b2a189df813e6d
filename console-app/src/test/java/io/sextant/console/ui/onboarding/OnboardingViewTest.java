package io.sextant.console.ui.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.sextant.console.ConsoleTest;
import io.sextant.platform.onboarding.Residency;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.OrganizationService;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A tenant that needs a higher plan than its existing organisation has: the wizard shows the move as a
 * warning, keeps "Create tenant" off until the operator ticks the confirmation, and any edit clears it.
 */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
class OnboardingViewTest extends SpringBrowserlessTest {

    @Autowired
    OrganizationService organizations;

    @Test
    @WithMockUser(username = "onboarding-operator", roles = "OPERATOR")
    @SuppressWarnings("unchecked")
    void planChangeIsAWarningToConfirmBeforeCreateIsOffered() {
        String slug = "plan-view-" + UUID.randomUUID().toString().substring(0, 6);
        organizations.create(slug, "Plan View Org", "free");
        OnboardingView view = navigate("onboarding", OnboardingView.class);
        $(ComboBox.class).id("org").setValue(slug);
        $(TextField.class).id("project-name").setValue("Clinic records");
        ((RadioButtonGroup<Residency>) $(RadioButtonGroup.class).id("q-residency")).setValue(Residency.EU);
        ((CheckboxGroup<DataClass>) $(CheckboxGroup.class).id("q-data")).setValue(Set.of(DataClass.HEALTH));

        test($(Button.class).id("run-preflight")).click();

        assertThat(text(view, "plan-change-warning")).contains("This changes the organisation's plan")
                .contains("This moves organisation Plan View Org (" + slug + ") from the Free plan to the Enterprise plan.")
                .contains("It has no other project yet").contains("price per month $0.00 → ");
        assertThat(text(view, "preflight-checks")).contains("!").contains("Confirm the move to the Enterprise plan")
                .contains("Confirm the plan change above to create the tenant. Nothing was created.");
        assertThat($(Button.class).id("apply").isEnabled()).isFalse();

        $(Checkbox.class).id("confirm-plan-change").setValue(true);

        assertThat(text(view, "preflight-checks")).contains("Confirmed: This moves organisation").doesNotContain("✗");
        assertThat($(Button.class).id("apply").isEnabled()).isTrue();

        $(TextField.class).id("project-name").setValue("Clinic records 2");
        assertThat($(Button.class).id("apply").isEnabled()).as("an edit voids the confirmation").isFalse();
        test($(Button.class).id("run-preflight")).click();
        assertThat($(Checkbox.class).id("confirm-plan-change").getValue()).isFalse();
        assertThat(organizations.find(slug).orElseThrow().planCode()).isEqualTo("free");
    }

    private static String text(Component root, String id) {
        return root.getChildren().filter(c -> id.equals(c.getId().orElse(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no #" + id)).getElement().getTextRecursively();
    }
}
