package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.JdbcEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection to the live target that cannot change it: every transaction in it is read-only,
 * so a bug in the checks fails with "cannot execute … in a read-only transaction" instead of
 * touching the target.
 */
public final class LiveSession {

    private LiveSession() {
    }

    public static Connection open(JdbcEndpoint target) throws SQLException {
        Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
        try (Statement st = c.createStatement()) {
            st.execute("set default_transaction_read_only = on");
        }
        c.setReadOnly(true);
        return c;
    }

    /** A read-write connection as the owner, for the board's own apply (never used during checks). */
    public static Connection openForApply(JdbcEndpoint target) throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }
}
