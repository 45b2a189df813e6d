package io.sextant.console.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The home page: what needs the signed-in operator now, as cards for their roles — changes waiting
 * for their approval and failed or stuck changes (Operator, Security admin), residency violations
 * (Operator, Support, Compliance), the last audit verification and open alerts (everyone) — then the
 * platform database. Every card is one bounded read (issue 10; D008), so the page costs the same on
 * an empty platform and a busy one.
 */
@Route("")
@PageTitle("Home · Sextant")
@Menu(order = 0, icon = "vaadin:home", title = "Home")
@PermitAll
class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private final HomeCards cards;
    private final HomeAuditCard auditCard;

    HomeView(HomeCards cards, HomeAuditCard auditCard) {
        this.cards = cards;
        this.auditCard = auditCard;
        setId("home-view");
    }

    /** Read again on every visit, also when "Home" is chosen while already on it (the router keeps this instance). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<ConsoleRole> roles = Arrays.stream(ConsoleRole.values()).filter(CurrentRoles::has).toList();
        boolean changes = roles.contains(ConsoleRole.OPERATOR) || roles.contains(ConsoleRole.SECURITY_ADMIN);
        boolean residency = roles.contains(ConsoleRole.OPERATOR) || roles.contains(ConsoleRole.SUPPORT) || roles.contains(ConsoleRole.COMPLIANCE);

        add(new H1("What needs you"));
        Paragraph who = new Paragraph("Signed in as " + SecurityContextHolder.getContext().getAuthentication().getName()
                + (roles.isEmpty() ? " without a console role: ask a security admin for one." : " · "
                + String.join(", ", roles.stream().map(ConsoleRole::label).toList())));
        who.setId("home-signed-in");
        add(who);

        Div needs = new Div();
        needs.setId("home-cards");
        needs.addClassNames("sx-cards", "sx-home-cards");
        if (changes) {
            needs.add(guarded("home-approvals", "Waiting for your approval", cards::awaitingApproval),
                    guarded("home-failed", "Failed or stuck changes", cards::failedOrStuck));
        }
        if (residency) {
            needs.add(guarded("home-residency", "Residency violations", cards::residencyViolations));
        }
        needs.add(guarded("audit-status", "Last audit verification", auditCard::create));
        if (!roles.isEmpty()) {
            needs.add(guarded("home-alerts", "Incidents and alerts", cards::alerts));
        }
        add(needs);

        add(new H2("Platform"));
        Div platform = new Div(guarded("database-status", "Platform database", cards::database));
        platform.addClassName("sx-cards");
        add(platform);
    }

    /** A card whose read failed says so in its place; the rest of the page still answers. */
    private static HomeCard guarded(String id, String title, Supplier<HomeCard> card) {
        try {
            return card.get();
        } catch (DataAccessException e) {
            return new HomeCard(id, title).headline("Could not be read", "bad")
                    .detail("The platform database did not answer; the server log has the details.");
        }
    }
}
