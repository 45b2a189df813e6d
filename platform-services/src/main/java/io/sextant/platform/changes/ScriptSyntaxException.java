package io.sextant.platform.changes;

import java.util.List;

/**
 * A {@code syntax-error} refusal with PostgreSQL's positions, so an editor can point at the line:
 * what the forward and the rollback script each failed to parse.
 */
public class ScriptSyntaxException extends ChangeRefusedException {

    private final List<StatementFailure> forward;
    private final List<StatementFailure> rollback;

    public ScriptSyntaxException(String message, List<StatementFailure> forward, List<StatementFailure> rollback) {
        super("syntax-error", message);
        this.forward = List.copyOf(forward);
        this.rollback = List.copyOf(rollback);
    }

    /** Statements of the forward script PostgreSQL cannot parse, with line and column in that script. */
    public List<StatementFailure> forward() {
        return forward;
    }

    /** The same for the rollback script. */
    public List<StatementFailure> rollback() {
        return rollback;
    }
}
