package io.sextant.console.support;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the unreachable-database failure as a short report instead of a stack trace. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartupCheck.DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DatabaseStartupCheck.DatabaseUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set sextant.database.url to a reachable PostgreSQL (15 or newer) with sextant.database.owner-username/-password "
                        + "and sextant.database.app-username/-password, or remove it to use the embedded database.", cause);
    }
}
