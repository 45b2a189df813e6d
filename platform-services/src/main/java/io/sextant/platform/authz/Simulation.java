package io.sextant.platform.authz;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The simulator's request and result types. */
public final class Simulation {

    private Simulation() {
    }

    public enum Command { SELECT, INSERT, UPDATE, DELETE }

    /**
     * What to simulate: a principal — a user of {@code principalProjectId}'s tenant (null: a session
     * of no tenant), with a role, an id and claims — running {@code command} on {@code table} of the
     * target project's data. {@code where} (column = value, all must hold) picks the rows;
     * {@code set} gives the new values of an UPDATE or the values of an INSERT. With
     * {@code draftSource}, the what-if: no command runs, the evaluator decides with the platform
     * rules and the draft instead of what is installed.
     */
    public record Request(UUID projectId, @Nullable UUID principalProjectId, @Nullable String role, @Nullable String subject,
            Map<String, Object> claims, RequestContext context, Command command, String table, Map<String, String> where,
            Map<String, String> set, @Nullable String draftSource) {
    }

    /**
     * One row the command could reach, what happened to it, and each rule's verdict with the values
     * it saw. {@code checks} says, for each trace in order, what PostgreSQL checks with it and on
     * which row — "the row as it would be" only for the new row of an INSERT or UPDATE.
     */
    public record RowResult(String rowKey, Map<String, @Nullable Object> before, @Nullable Map<String, @Nullable Object> after,
            RowSecurityModel.RowOutcome outcome, String explanation, List<DecisionTrace> traces, List<String> checks) {
    }

    /** What each trace of a row checks for {@code command}, in the order the simulator records them. */
    public static List<String> checks(Command command) {
        String visible = "SELECT policies: is the row visible? (the row as it is)";
        return switch (command) {
            case SELECT -> List.of(visible);
            case DELETE -> List.of(visible, "DELETE policies: may it be deleted? (the row as it is)");
            case UPDATE -> List.of(visible, "UPDATE policies, USING: may it be changed? (the row as it is)",
                    "UPDATE policies, WITH CHECK: is the new row allowed? (the row as it would be)",
                    "SELECT policies: is the new row still visible? (the row as it would be)");
            case INSERT -> List.of("INSERT policies, WITH CHECK: is the new row allowed? (the row as it would be)");
        };
    }

    /**
     * The result. {@code executed}: the command really ran (in a transaction that was rolled back);
     * {@code databaseRows}: the rows PostgreSQL returned or changed; {@code refused}: its error when a
     * WITH CHECK refused the write; {@code predictedRows}/{@code predictedRefusal}: what the
     * evaluator computed; {@code agrees}: the two match (they must; the differential test holds the
     * engine to it).
     */
    public record Result(UUID simulationId, Request request, boolean executed, String sql, List<String> databaseRows,
            @Nullable String refused, List<String> predictedRows, boolean predictedRefusal, boolean agrees, List<RowResult> rows,
            String policyHash, String summary, long millis) {
    }
}
