package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementFailure;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns PostgreSQL's error into a {@link StatementFailure} with its position mapped back into the script. */
public final class Failures {

    private Failures() {
    }

    public static StatementFailure of(SqlStatement s, String script, SQLException e) {
        String message = e.getMessage();
        Integer position = null;
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            message = m.getMessage() + (m.getDetail() != null ? " — " + m.getDetail() : "") + (m.getHint() != null ? " (hint: " + m.getHint() + ")" : "");
            position = m.getPosition() > 0 ? m.getPosition() : null;
        }
        int offset = s.offset() + (position == null ? 0 : position - 1);
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < script.length(); i++) {
            if (script.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return new StatementFailure(s.index(), s.text(), state, message == null ? e.toString() : message, position, line, col);
    }

    /** Statements PostgreSQL refuses inside a transaction block, so they run in autocommit. */
    public static boolean nonTransactional(String sql) {
        String s = sql.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
        return s.matches("(?s).*\\bconcurrently\\b.*") || s.startsWith("vacuum") || s.startsWith("create database")
                || s.startsWith("drop database") || s.startsWith("alter system") || s.startsWith("create tablespace")
                || s.startsWith("drop tablespace");
    }
}
