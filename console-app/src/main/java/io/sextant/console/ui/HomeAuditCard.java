package io.sextant.console.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.sextant.platform.audit.AuditVerifier;

/** The home page's audit card: the last verification of the audit chain and its verdict. */
@SpringComponent
class HomeAuditCard {

    private final AuditVerifier verifier;

    HomeAuditCard(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    Div create() {
        return verifier.lastRun()
                .map(run -> HomeView.card("audit-status", "Audit chain", run.intact() ? "Intact" : "Broken",
                        (run.intact() ? run.eventsChecked() + " events verified " : run.problem() + " · ")
                                + Formats.dateTime(run.finishedAt()) + " UTC by " + run.actor(),
                        run.intact() ? "ok" : "bad"))
                .orElseGet(() -> HomeView.card("audit-status", "Audit chain", "Not verified",
                        "No verification has run yet. Compliance staff can verify it on the Audit screen.", "warn"));
    }
}
