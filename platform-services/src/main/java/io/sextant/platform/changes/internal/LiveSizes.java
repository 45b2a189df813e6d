package io.sextant.platform.changes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Live table sizes from the planner's estimate ({@code reltuples}), never a {@code count(*)} of a big table. */
final class LiveSizes {

    private LiveSizes() {
    }

    /** "schema.table" → estimated rows; a never-analysed table (reltuples −1) is estimated from its pages. */
    static Map<String, Long> rows(Connection live, List<String> schemas) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = live.prepareStatement("""
                select n.nspname || '.' || c.relname, c.reltuples::bigint, pg_relation_size(c.oid) / 8192, c.relpages
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = any(?) and c.relkind = 'r'""")) {
            ps.setArray(1, live.createArrayOf("text", schemas.toArray()));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    long tuples = r.getLong(2);
                    long pages = r.getLong(3);
                    if (tuples >= 0 && r.getLong(4) > 0) {
                        // scale the last estimate's density to the current size, as the planner does
                        tuples = Math.round((double) tuples / r.getLong(4) * Math.max(pages, 1));
                    } else if (tuples < 0) {
                        tuples = pages * 50; // unknown density: a rough guess, flagged by its wide error bar
                    }
                    out.put(r.getString(1), tuples);
                }
            }
        }
        return out;
    }
}
