package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Copies the live planner statistics into the shadow with PostgreSQL 18's
 * {@code pg_restore_relation_stats} and {@code pg_restore_attribute_stats} (what pg_dump
 * --statistics uses; they need only MAINTAIN on the table, which its owner has). Any failure is a
 * note, never fatal: the shadow then keeps the statistics of its own ANALYZE.
 */
final class StatisticsCopier {

    private StatisticsCopier() {
    }

    private static final String[][] STATS = {{"null_frac", "real"}, {"avg_width", "integer"}, {"n_distinct", "real"},
            {"most_common_vals", "text"}, {"most_common_freqs", "real[]"}, {"histogram_bounds", "text"}, {"correlation", "real"}};

    /** Literals rather than bind parameters: the function's arguments are VARIADIC "any", which needs typed values. */
    private static String attributeStats(ResultSet r) throws SQLException {
        StringBuilder sql = new StringBuilder("select pg_restore_attribute_stats('schemaname', " + Sql.literal(r.getString(1))
                + "::text, 'relname', " + Sql.literal(r.getString(2)) + "::text, 'attname', " + Sql.literal(r.getString(3))
                + "::text, 'inherited', " + r.getBoolean(4));
        for (int i = 0; i < STATS.length; i++) {
            String v = r.getString(5 + i);
            if (v != null) {
                sql.append(", '").append(STATS[i][0]).append("', ").append(Sql.literal(v)).append("::").append(STATS[i][1]);
            }
        }
        return sql.append(")").toString();
    }

    static void copy(Connection live, Connection shadow, SchemaSnapshot snapshot, List<String> notes) {
        int relations = 0;
        int columns = 0;
        try (PreparedStatement rel = live.prepareStatement("""
                select n.nspname, c.relname, c.relpages, c.reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = any(?) and c.relkind = 'r'""");
             PreparedStatement att = live.prepareStatement("""
                select schemaname, tablename, attname, inherited, null_frac, avg_width, n_distinct,
                       most_common_vals::text, most_common_freqs::text, histogram_bounds::text, correlation
                from pg_stats where schemaname = any(?)""");
             PreparedStatement putRel = shadow.prepareStatement("""
                select pg_restore_relation_stats('schemaname', ?::text, 'relname', ?::text, 'relpages', ?::integer, 'reltuples', ?::real)""")) {
            rel.setArray(1, live.createArrayOf("text", snapshot.schemas().toArray()));
            try (ResultSet r = rel.executeQuery()) {
                while (r.next()) {
                    putRel.setString(1, r.getString(1));
                    putRel.setString(2, r.getString(2));
                    putRel.setInt(3, r.getInt(3));
                    putRel.setFloat(4, r.getFloat(4));
                    putRel.execute();
                    relations++;
                }
            }
            att.setArray(1, live.createArrayOf("text", snapshot.schemas().toArray()));
            try (ResultSet r = att.executeQuery()) {
                while (r.next()) {
                    try (java.sql.Statement st = shadow.createStatement()) {
                        st.execute(attributeStats(r));
                    }
                    columns++;
                }
            }
            notes.add("statistics: copied from the live target for " + relations + " tables and " + columns
                    + " columns (pg_restore_relation_stats / pg_restore_attribute_stats)");
        } catch (SQLException e) {
            notes.add("statistics: not copied (" + e.getMessage() + "); the shadow has those of its own ANALYZE over the sample");
        }
    }
}
