package io.sextant.console.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.time.Clock;
import java.time.Duration;

/**
 * The home page's audit card: the last verification of the audit chain, its verdict and its age
 * (older than a day reads as a warning), with a link to verify again for the roles that may.
 */
@SpringComponent
class HomeAuditCard {

    static final Duration STALE_AFTER = Duration.ofDays(1);

    private final AuditVerifier verifier;
    private final Clock clock;

    HomeAuditCard(AuditVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    HomeCard create() {
        boolean mayVerify = CurrentRoles.has(ConsoleRole.COMPLIANCE) || CurrentRoles.has(ConsoleRole.SECURITY_ADMIN);
        HomeCard card = new HomeCard("audit-status", "Last audit verification");
        var now = clock.instant();
        var last = verifier.lastRun();
        if (last.isEmpty()) {
            card.headline("Not verified yet", "warn").empty("The result and age of the last check of the audit log's hash chain show up here. "
                    + (mayVerify ? "Verify it now on the Audit log." : "Compliance staff and security admins verify it on the Audit log."));
        } else {
            var run = last.get();
            boolean stale = run.finishedAt().isBefore(now.minus(STALE_AFTER));
            card.headline(run.intact() ? "Intact" : "Broken", !run.intact() ? "bad" : stale ? "warn" : "ok");
            card.detail((run.intact() ? run.eventsChecked() + " events verified " : run.problem() + " · ")
                    + HomeCard.ago(run.finishedAt(), now) + " (" + Formats.dateTime(run.finishedAt()) + " UTC) by " + run.actor()
                    + (stale ? " · more than a day ago" : ""));
        }
        return mayVerify ? card.action(last.isEmpty() ? "Verify on the Audit log" : "Verify again on the Audit log", "audit") : card;
    }
}
