package io.sextant.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import io.sextant.console.ConsoleTest;
import io.sextant.console.ui.changes.ChangeView;
import io.sextant.console.ui.changes.ChangesNavigation;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Links into the review board are built from the route, not by hand: the policy page's link to its
 * change once pointed at {@code changes/<id>}, a page that does not exist.
 */
@ConsoleTest
@ViewPackages(packages = "io.sextant.console.ui")
class ChangesNavigationViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "operator-nav", roles = "OPERATOR")
    void theLinkToAChangeOpensTheChangePage() {
        var link = ChangesNavigation.changeLink("Change abc", "abc123");
        assertThat(link.getHref()).isEqualTo("change/abc123");
        assertThat(ChangesNavigation.changeUrl("abc123")).isEqualTo("change/abc123");

        ChangeView view = navigate(link.getHref(), ChangeView.class);
        assertThat(view).isNotNull();
    }
}
