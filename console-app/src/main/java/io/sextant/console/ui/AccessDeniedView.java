package io.sextant.console.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A signed-in operator opened a screen their roles do not open (navigation access control refused
 * it): the page says which role would, inside the console with its menu, and the refusal goes to
 * the audit log as {@code access.denied} exactly as an API 403 does — it is published as the same
 * Spring Security event, which the console's refusal auditor records. Anonymous visitors never get
 * here: navigation access control sends them to sign-in. See docs/decisions/D005-identity.md.
 */
@PageTitle("Needs another role · Sextant")
@ParentLayout(MainLayout.class)
@PermitAll
class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final ApplicationEventPublisher events;

    AccessDeniedView(ApplicationEventPublisher events) {
        this.events = events;
        setId("access-denied-view");
        setMaxWidth("820px");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String path = event.getLocation().getPath();
        Optional<ScreenAccess> screen = ScreenAccess.of(event.getSource(), path);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        record(who, event, screen.map(ScreenAccess::authorities).orElse(List.of()));

        removeAll();
        add(new H1("This screen needs another role"));
        Paragraph what = new Paragraph();
        what.setId("access-denied-reason");
        if (screen.isPresent() && !screen.get().roles().isEmpty()) {
            what.add(new Span(screen.get().title() + " ("), new Code(screen.get().path()), new Span(") opens for the "
                    + screen.get().rolesInWords() + (screen.get().roles().size() == 1 ? " role." : " roles.")));
        } else {
            what.add(new Span("You may not open "), new Code("/" + path), new Span("."));
        }
        Paragraph you = new Paragraph("You are signed in as " + (who == null ? "an unknown operator" : who.getName())
                + " with " + yourRoles(who) + ".");
        you.setId("access-denied-you");
        Paragraph next = new Paragraph("What to do: ask a security admin to give you the role you need, or choose a screen "
                + "from the menu — it lists only the screens you can open. This refusal was recorded in the audit log.");
        add(what, you, next, new Anchor("/", "Back to the overview"));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    private void record(Authentication who, BeforeEnterEvent event, List<String> authorities) {
        if (who == null) {
            return;
        }
        events.publishEvent(new AuthorizationDeniedEvent<>(() -> who, event.getLocation(),
                new AuthorityAuthorizationDecision(false, AuthorityUtils.createAuthorityList(authorities))));
    }

    private static String yourRoles(Authentication who) {
        List<String> labels = who == null ? List.of() : who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> ConsoleRole.parse(a).filter(r -> a.startsWith("ROLE_")).map(ConsoleRole::label).orElse(null))
                .filter(java.util.Objects::nonNull).sorted().toList();
        return labels.isEmpty() ? "no console role" : (labels.size() == 1 ? "the role " : "the roles ")
                + labels.stream().collect(Collectors.joining(", "));
    }
}
