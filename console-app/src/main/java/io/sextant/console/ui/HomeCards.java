package io.sextant.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.sextant.console.ui.changes.ChangesNavigation;
import io.sextant.platform.changes.ChangeQuery;
import io.sextant.platform.changes.ChangeQuery.Headline;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import io.sextant.platform.status.DatabaseHealth;
import io.sextant.platform.status.PlatformStatusService;
import io.sextant.platform.tenancy.ResidencyViolationQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The home page's "what needs you" cards. Each reads one bounded page through its service (D008),
 * links every line to where the operator acts on it, and says in its empty state what would show up.
 * Which cards a role gets is {@link HomeView}'s choice; links go only to screens the role opens.
 */
@SpringComponent
class HomeCards {

    static final int PAGE = 5;

    private final ChangeQuery changes;
    private final ResidencyViolationQuery residency;
    private final PlatformStatusService status;
    private final Clock clock;

    HomeCards(ChangeQuery changes, ResidencyViolationQuery residency, PlatformStatusService status, Clock clock) {
        this.changes = changes;
        this.residency = residency;
        this.status = status;
        this.clock = clock;
    }

    HomeCard awaitingApproval() {
        var page = changes.awaitingMyApproval(PAGE);
        HomeCard card = new HomeCard("home-approvals", "Waiting for your approval")
                .headline(page.items().isEmpty() ? "Nothing waiting" : count(page.total(), page.capped()) + " waiting", page.items().isEmpty() ? "ok" : "warn");
        if (page.items().isEmpty()) {
            return card.empty("Changes that someone else submitted, whose checks passed and that need your role to approve, show up here.")
                    .action("Open change review", "changes");
        }
        page.items().forEach(h -> card.line(changeLink(h), "by " + h.author() + " · waiting " + ago(h.since())
                + (h.requiredRole() == null ? "" : " · needs " + ConsoleRole.valueOf(h.requiredRole()).label())));
        return card.more(page.more(), page.capped(), "changes", "on the change review screen");
    }

    HomeCard failedOrStuck() {
        var page = changes.failedOrStuck(PAGE);
        HomeCard card = new HomeCard("home-failed", "Failed or stuck changes")
                .headline(page.items().isEmpty() ? "None" : count(page.total(), page.capped()), page.items().isEmpty() ? "ok" : "bad");
        if (page.items().isEmpty()) {
            return card.empty("Changes whose checks or apply failed, and changes held in checking or applying for too long, show up here.")
                    .action("Open change review", "changes");
        }
        page.items().forEach(h -> card.line(changeLink(h), h.stuck()
                ? "stuck in " + h.state().name().toLowerCase(Locale.ROOT) + " since " + ago(h.since()) + ": release it on its page"
                : "failed " + ago(h.since()) + (h.stateReason() == null ? "" : ": " + h.stateReason())));
        return card.more(page.more(), page.capped(), "changes", "on the change review screen");
    }

    HomeCard residencyViolations() {
        var page = residency.latest(PAGE);
        boolean opensProjects = CurrentRoles.has(ConsoleRole.OPERATOR) || CurrentRoles.has(ConsoleRole.SUPPORT);
        HomeCard card = new HomeCard("home-residency", "Residency violations")
                .headline(page.items().isEmpty() ? "None found" : count(page.total(), page.capped()), page.items().isEmpty() ? "ok" : "bad");
        if (page.items().isEmpty()) {
            card.empty("A project whose latest residency check found its data outside its pinned region, or could not reach a region, shows up here. "
                    + "Every active project is checked hourly.");
            return opensProjects ? card.action("Open projects", "projects") : card;
        }
        page.items().forEach(v -> card.line(opensProjects ? HomeCard.link(v.projectName(), "project/" + v.projectId()) : new Span(v.projectName()),
                v.violations() + (v.violations() == 1 ? " problem" : " problems") + " found " + ago(v.checkedAt()) + " · pinned to " + v.pinnedRegion()));
        return card.more(page.more(), page.capped(), opensProjects ? "projects" : null, "projects");
    }

    HomeCard alerts() {
        var page = changes.openAlerts(PAGE);
        boolean opensChanges = CurrentRoles.has(ConsoleRole.OPERATOR) || CurrentRoles.has(ConsoleRole.SECURITY_ADMIN);
        HomeCard card = new HomeCard("home-alerts", "Incidents and alerts")
                .headline(page.items().isEmpty() ? "No open alert" : count(page.total(), page.capped()) + " open", page.items().isEmpty() ? "ok" : "warn");
        if (page.items().isEmpty()) {
            return card.empty("Alerts from the checks that run after a change is applied show up here. Incidents and platform alerts "
                    + "arrive here with the operations features; until then nothing else raises them.");
        }
        page.items().forEach(a -> {
            String text = a.severity() + ": " + a.message();
            Component what = opensChanges && a.source().startsWith("changes") ? ChangesNavigation.changeLink(text, a.subjectId()) : new Span(text);
            card.line(what, "raised " + ago(a.raisedAt()));
        });
        return card.more(page.more(), page.capped(), null, "open alerts");
    }

    HomeCard database() {
        DatabaseHealth h = status.health();
        HomeCard card = new HomeCard("database-status", "Platform database").headline(h.up() ? "Healthy" : "Unavailable", h.up() ? "ok" : "bad");
        if (!h.up()) {
            return card.detail(h.problem());
        }
        card.detail(h.version() + " · " + h.size() + " · " + h.roundTrip().toMillis() + " ms round trip");
        return card.detail(h.migrationFailed() ? "Schema migration " + h.schemaVersion() + " FAILED: see the server log"
                : "Schema at migration " + h.schemaVersion());
    }

    private Component changeLink(Headline h) {
        return ChangesNavigation.changeLink(h.targetId() + " · #" + h.sequence() + " in its queue · " + h.description(), h.changeId());
    }

    private String ago(Instant then) {
        return HomeCard.ago(then, clock.instant());
    }

    private static String count(int total, boolean capped) {
        return capped ? total + "+" : String.valueOf(total);
    }
}
