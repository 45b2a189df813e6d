package io.sextant.console.ui.policies;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.sextant.console.ui.TenantNames;
import io.sextant.platform.authz.Explanation;
import io.sextant.platform.authz.PolicySyntaxException;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Small pieces the policy tabs share: error notifications, key=value parsing, code blocks, an explanation. */
final class PolicyUi {

    private PolicyUi() {
    }

    /** Runs a service call; a refusal or bad input becomes a notification and the form keeps what the user typed. */
    static <T> @Nullable T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (PolicySyntaxException e) {
            error(e.getMessage());
        } catch (RuntimeException e) {
            error(message(e));
        }
        return null;
    }

    /** What a failed call tells the operator; a refusal says what to do, not the framework's bare "Access Denied". */
    static String message(RuntimeException e) {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            String why = e.getMessage() == null || e.getMessage().equals("Access Denied") ? "your roles do not permit this" : e.getMessage();
            return "Not allowed: " + why + ". The refusal was recorded in the audit log; if it needs doing, ask an operator "
                    + "or a security admin.";
        }
        if (e instanceof io.sextant.platform.tenancy.RegionUnreachableException r && !CurrentRoles.has(ConsoleRole.OPERATOR)) {
            // the (redacted) server URL helps the operator who fixes it, nobody else
            return "Region " + r.region() + " cannot be reached now. Try again later, or ask an operator: they see which server and why.";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Who may change a project's policy (PolicyService.WRITE). */
    static final List<ConsoleRole> WRITERS = List.of(ConsoleRole.OPERATOR, ConsoleRole.SECURITY_ADMIN);

    /** Whether the signed-in person has one of {@code roles}. */
    static boolean hasAny(List<ConsoleRole> roles) {
        return roles.stream().anyMatch(CurrentRoles::has);
    }

    /** "Operator or Security admin". */
    static String rolesInWords(List<ConsoleRole> roles) {
        List<String> labels = roles.stream().map(ConsoleRole::label).toList();
        return labels.size() <= 1 ? String.join("", labels)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.getLast();
    }

    /**
     * A button and, when {@code whyNot} is given, the button disabled with the reason beside it
     * (id {@code <button id>-why-not}), as the change page shows its Approve: the service decides
     * and audits a refusal; the screen says beforehand who may press it.
     */
    static HorizontalLayout gated(Button button, @Nullable String whyNot) {
        HorizontalLayout line = new HorizontalLayout(button);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setSpacing(true);
        Span why = new Span();
        why.setId(button.getId().orElseThrow() + "-why-not");
        why.addClassName("sx-muted");
        line.add(why);
        setGate(button, why, whyNot);
        return line;
    }

    /** Re-decides a {@link #gated} button (a selection changed). */
    static void setGate(Button button, Span why, @Nullable String whyNot) {
        button.setEnabled(whyNot == null);
        button.setTooltipText(whyNot);
        why.setText(whyNot == null ? "" : whyNot);
        why.setVisible(whyNot != null);
    }

    /** The reason a writer's button is disabled for this person, or null when they may press it. */
    static @Nullable String needsWriter(String what) {
        return hasAny(WRITERS) ? null : what + " needs the " + rolesInWords(WRITERS) + " role";
    }

    /** {@code key=value} lines (blank lines and {@code #} comments ignored). */
    static Map<String, String> keyValues(String text, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + ", line " + n + ": write column=value (got \"" + line + "\")");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    static Pre code(String id, String text) {
        Pre p = new Pre(text);
        p.setId(id);
        p.addClassName("sx-sql");
        return p;
    }

    static Paragraph empty(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-style", "italic");
        return p;
    }

    static Span badge(String text, String kind) {
        Span s = new Span(text);
        s.addClassNames("sx-badge", "sx-badge-" + kind);
        return s;
    }

    static UnorderedList list(String id, List<String> items, String whenEmpty) {
        UnorderedList ul = new UnorderedList();
        ul.setId(id);
        if (items.isEmpty()) {
            ul.add(new ListItem(whenEmpty));
        }
        items.forEach(i -> ul.add(new ListItem(i)));
        return ul;
    }

    /** What a reader should know about the inputs they were given, or null when they are complete. */
    static @org.jspecify.annotations.Nullable String inputsNote(io.sextant.platform.authz.TraceInputs inputs) {
        return switch (inputs) {
            case COMPLETE -> null;
            case ROW_VALUES_MASKED -> "Row values are hidden (" + io.sextant.platform.authz.TraceMask.MASKED
                    + "): your role may not see this tenant's rows. Column names, rules and outcomes are shown.";
            case PURGED -> "The inputs of this decision were purged. Its rules, outcome and fingerprint remain.";
        };
    }

    /** "Why was this allowed or denied?" as a card; tenants by name. */
    static Component explanation(Explanation e, TenantNames names) {
        Div box = new Div();
        box.setId("explanation");
        box.addClassName("sx-card");
        box.setWidthFull();
        box.getStyle().set("box-sizing", "border-box");
        Span effect = badge(e.effect().name(), e.effect().name().equals("ALLOW") ? "succeeded" : "refused");
        Paragraph summary = new Paragraph(effect, new Span(" " + names.named(e.summary())));
        summary.setId("explanation-summary");
        box.add(new Span("Decision " + e.decisionId()), summary);
        String note = inputsNote(e.inputs());
        if (note != null) {
            Paragraph p = new Paragraph(note);
            p.setId("explanation-inputs");
            p.addClassName("sx-muted");
            box.add(p);
        }
        box.add(new H4("Decided by"), list("explanation-decided-by", e.decidedBy(), "No rule matched: the default is deny"),
                new H4("Reasons"), list("explanation-reasons", e.reasons().stream().map(names::named).toList(), "—"),
                new H4("Smallest change that flips it"), list("explanation-smallest-change",
                        e.smallestChange().stream().map(names::named).toList(), "None found"));
        return box;
    }
}
