package io.sextant.console.ui.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.sextant.console.ui.Formats;
import io.sextant.platform.authz.LeastPrivilegeProposal;
import io.sextant.platform.authz.PolicyService;
import java.time.Duration;
import java.util.UUID;

/** Narrows the published policy to what recorded live requests used, with a preview on those requests. */
class LeastPrivilegeTab extends VerticalLayout {

    private final PolicyService policies;
    private final UUID projectId;
    private final IntegerField window = new IntegerField("Window (days)");
    private final Div result = new Div();

    LeastPrivilegeTab(PolicyService policies, UUID projectId) {
        this.policies = policies;
        this.projectId = projectId;
        setPadding(false);
        setId("least-privilege-tab");
        window.setId("lp-window");
        window.setValue(30);
        window.setMin(1);
        window.setMax(366);
        window.setStepButtonsVisible(true);
        // a read every console role may run (it changes nothing): named for what it does, not "Propose", which publishing needs a writer for
        Button run = new Button("Suggest a narrower policy", e -> propose());
        run.setId("lp-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout line = new HorizontalLayout(window, run);
        line.setAlignItems(Alignment.BASELINE);
        result.setId("lp-result");
        result.setWidthFull();
        add(new H3("Least privilege"), new Span("Suggests the published policy narrowed to the permissions recorded live requests "
                + "actually used, and shows what it would decide on those requests. Nothing is saved: to publish it, an Operator or "
                + "Security admin saves it as a draft and proposes it."), line, result);
    }

    private void propose() {
        result.removeAll();
        int days = window.getValue() == null ? 30 : window.getValue();
        if (days < 1 || days > 366) {
            PolicyUi.error("The window is 1 to 366 days");
            return;
        }
        try {
            show(policies.proposeLeastPrivilege(projectId, null, Duration.ofDays(days)));
        } catch (IllegalStateException e) {
            result.add(PolicyUi.empty("lp-empty", e.getMessage()));
        } catch (RuntimeException e) {
            PolicyUi.error(PolicyUi.message(e));
        }
    }

    private void show(LeastPrivilegeProposal p) {
        if (p.requestsConsidered() == 0) {
            result.add(PolicyUi.empty("lp-empty", "No live decisions recorded between " + Formats.dateTime(p.from()) + " and "
                    + Formats.dateTime(p.to()) + " — nothing to narrow to."));
            return;
        }
        Div cards = new Div(card("Still allowed", p.stillAllowed(), "sx-ok"), card("Now denied", p.nowDenied().size(),
                p.nowDenied().isEmpty() ? "sx-ok" : "sx-bad"), card("Still denied", p.stillDenied(), ""),
                card("Newly allowed", p.newlyAllowed().size(), p.newlyAllowed().isEmpty() ? "sx-ok" : "sx-bad"));
        cards.addClassName("sx-cards");
        cards.setId("lp-preview");
        cards.getStyle().set("margin", "var(--lumo-space-m) 0");
        Span considered = new Span(p.requestsConsidered() + " live request(s) between " + Formats.dateTime(p.from()) + " and "
                + Formats.dateTime(p.to()) + " (UTC); current " + p.currentHash().substring(0, 12) + " → proposed " + p.proposedHash().substring(0, 12));
        considered.setId("lp-considered");
        result.add(considered, cards, new H4("Proposed policy"), PolicyUi.code("lp-source", p.proposedSource()),
                new H4("Removed (granted, never used)"), PolicyUi.list("lp-removed", p.removed(), "Nothing: every permission was used"),
                new H4("Kept"), PolicyUi.list("lp-kept", p.kept(), "Nothing"));
        if (!p.nowDenied().isEmpty()) {
            result.add(new H4("Now denied"), PolicyUi.list("lp-now-denied", p.nowDenied(), ""));
        }
        if (!p.newlyAllowed().isEmpty()) {
            result.add(new H4("Newly allowed"), PolicyUi.list("lp-newly-allowed", p.newlyAllowed(), ""));
        }
    }

    private static Div card(String title, int value, String tone) {
        Span t = new Span(title);
        t.addClassName("sx-card-title");
        Span v = new Span(String.valueOf(value));
        v.addClassName("sx-card-value");
        Div d = new Div(t, v);
        d.addClassName("sx-card");
        if (!tone.isEmpty()) {
            d.addClassName(tone);
        }
        return d;
    }
}
