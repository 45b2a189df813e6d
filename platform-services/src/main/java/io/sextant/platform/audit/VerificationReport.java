package io.sextant.platform.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of one verification of the audit chain.
 *
 * @param eventsChecked          how many stored events were walked before stopping
 * @param lastSeq                the newest stored event's sequence number walked (0 if none)
 * @param databaseCheckpointSeq  the newest checkpoint in the database compared against, if any
 * @param fileCheckpointSeq      the last checkpoint in the external file compared against, if any
 * @param problem                the first problem found; {@code null} means the chain is intact
 */
public record VerificationReport(
        long eventsChecked,
        long lastSeq,
        @Nullable Long databaseCheckpointSeq,
        @Nullable Long fileCheckpointSeq,
        @Nullable ChainProblem problem) {

    public boolean intact() {
        return problem == null;
    }
}
