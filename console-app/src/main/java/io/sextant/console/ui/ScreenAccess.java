package io.sextant.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Router;
import io.sextant.platform.identity.ConsoleRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a screen is called and which roles open it, read from the same annotations that navigation
 * access control enforces, so the "needs role" page can never name a different rule than the one
 * that refused.
 */
record ScreenAccess(String path, String title, List<ConsoleRole> roles) {

    /** The screen at {@code path}, if a route exists there. */
    static Optional<ScreenAccess> of(Router router, String path) {
        return router.getRegistry().getNavigationTarget(path).map(target -> new ScreenAccess("/" + path, title(target), roles(target)));
    }

    /** "Compliance or Security admin". */
    String rolesInWords() {
        List<String> labels = roles.stream().map(ConsoleRole::label).toList();
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.getLast();
    }

    /** Spring authorities, as the audit record names the rule. */
    List<String> authorities() {
        return roles.stream().map(ConsoleRole::authority).toList();
    }

    private static String title(Class<? extends Component> target) {
        Menu menu = target.getAnnotation(Menu.class);
        if (menu != null && !menu.title().isBlank()) {
            return menu.title();
        }
        PageTitle page = target.getAnnotation(PageTitle.class);
        if (page != null) {
            String t = page.value();
            int dot = t.indexOf(" · ");
            return dot < 0 ? t : t.substring(0, dot);
        }
        return target.getSimpleName();
    }

    private static List<ConsoleRole> roles(Class<? extends Component> target) {
        RolesAllowed allowed = target.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return List.of();
        }
        return Arrays.stream(allowed.value()).map(ConsoleRole::parse).flatMap(Optional::stream).collect(Collectors.toList());
    }
}
