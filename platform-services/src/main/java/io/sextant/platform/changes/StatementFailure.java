package io.sextant.platform.changes;

import org.jspecify.annotations.Nullable;

/**
 * A statement PostgreSQL refused, in its own words.
 *
 * @param statementIndex zero-based statement index in the script
 * @param sql            the statement
 * @param sqlState       PostgreSQL's SQLSTATE, e.g. {@code 42601}
 * @param message        PostgreSQL's message (primary text, with detail and hint where given)
 * @param position       one-based character position in the statement PostgreSQL reported, if any
 * @param line           one-based line in the script of that position (or of the statement)
 * @param column         one-based column in the script
 */
public record StatementFailure(int statementIndex, String sql, String sqlState, String message,
                               @Nullable Integer position, int line, int column) {

    public String describe() {
        return "statement " + (statementIndex + 1) + " (line " + line + ", column " + column + "): " + message
                + " [SQLSTATE " + sqlState + "]";
    }
}
