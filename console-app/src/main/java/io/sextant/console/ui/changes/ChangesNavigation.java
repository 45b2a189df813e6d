package io.sextant.console.ui.changes;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

/** Typed links into the review board, so that no screen builds a board URL by hand (STYLE.md). */
public final class ChangesNavigation {

    private ChangesNavigation() {
    }

    /** The URL of one change's page. */
    public static String changeUrl(String changeId) {
        return RouteConfiguration.forSessionScope().getUrl(ChangeView.class, changeId);
    }

    /** A link to one change's page. */
    public static RouterLink changeLink(String text, String changeId) {
        return new RouterLink(text, ChangeView.class, changeId);
    }
}
