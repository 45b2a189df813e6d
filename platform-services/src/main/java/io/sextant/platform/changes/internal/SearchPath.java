package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sets {@link ChangeTarget#searchPath()} on a session that runs a change's statements. Without it
 * a change ran with whatever the server, database or role defaulted to ({@code "$user", public}
 * on a plain server), which differed between the live target and its shadow, whose role is only
 * a namesake without the live role's settings (D008). Sessions that only read catalogs keep the
 * default, so {@code pg_get_*def} keeps qualifying every name of the target's schemas.
 */
final class SearchPath {

    private SearchPath() {
    }

    /** The path as a {@code SET} value: each schema quoted where it needs it. */
    static String setting(List<String> schemas) {
        return schemas.isEmpty() ? "''" : schemas.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    static Connection set(Connection c, ChangeTarget target) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set search_path = " + setting(target.searchPath()));
        }
        return c;
    }
}
