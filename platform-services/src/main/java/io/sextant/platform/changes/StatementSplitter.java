package io.sextant.platform.changes;

import io.sextant.platform.changes.internal.ScriptSplitter;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way the server's own lexer would see them:
 * semicolons inside strings (also {@code E''} and dollar-quoted ones), quoted identifiers,
 * comments and {@code BEGIN ATOMIC … END} function bodies do not end a statement.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /** The script's statements in order; empty statements ({@code ;;}) are skipped. */
    public static List<SqlStatement> split(String script) {
        return ScriptSplitter.split(script).stream().map(s -> s.toPublic()).toList();
    }
}
