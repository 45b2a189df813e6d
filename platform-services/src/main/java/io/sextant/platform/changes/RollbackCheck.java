package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The round trip forward → rollback on a fresh shadow, compared with the shadow before forward:
 * catalog snapshot and per-table checksums of the sampled rows.
 *
 * @param status            VERIFIED: identical; DIFFERS: something did not come back (blocks);
 *                          FAILED: forward or rollback raised an error (blocks); IRREVERSIBLE: no rollback
 *                          can be derived (the change needs approval and is marked)
 * @param rollbackSql       the rollback that was checked (given or derived)
 * @param derived           the board derived it because none was given
 * @param irreversible      statements that cannot be undone (drops, data deletes, type changes)
 * @param dataLoss          what the rollback discards even when it restores the schema
 * @param schemaDifferences catalog objects that differ after the round trip
 * @param dataDifferences   tables whose sampled rows differ after the round trip
 * @param failure           the statement that failed, if one did
 * @param warnings          differences that do not block: a sequence that only moved forward
 *                          through use (nextval from a default), which PostgreSQL itself never
 *                          rolls back either (D008)
 */
public record RollbackCheck(Status status, @Nullable String rollbackSql, boolean derived, List<String> irreversible,
                            List<String> dataLoss, List<String> schemaDifferences, List<String> dataDifferences,
                            @Nullable StatementFailure failure, List<String> warnings) {

    public enum Status { VERIFIED, DIFFERS, FAILED, IRREVERSIBLE }

    public RollbackCheck {
        irreversible = List.copyOf(irreversible);
        dataLoss = List.copyOf(dataLoss);
        schemaDifferences = List.copyOf(schemaDifferences);
        dataDifferences = List.copyOf(dataDifferences);
        warnings = warnings == null ? List.of() : List.copyOf(warnings); // absent in checks stored before it existed
    }

    public RollbackCheck(Status status, @Nullable String rollbackSql, boolean derived, List<String> irreversible,
                         List<String> dataLoss, List<String> schemaDifferences, List<String> dataDifferences,
                         @Nullable StatementFailure failure) {
        this(status, rollbackSql, derived, irreversible, dataLoss, schemaDifferences, dataDifferences, failure, List.of());
    }

    /** Whether the rollback blocks the change (an unverified rollback must never be offered). */
    public boolean blocks() {
        return status == Status.DIFFERS || status == Status.FAILED;
    }
}
