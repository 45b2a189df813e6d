package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.ShadowProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/** Streams a sample of each table from the live database into the shadow with binary COPY (no pg_dump needed). */
final class DataCopier {

    private DataCopier() {
    }

    record Table(String schema, String name, List<String> columns) {
        String qualified() {
            return Sql.ident(schema) + "." + Sql.ident(name);
        }

        String columnList() {
            return String.join(", ", columns.stream().map(Sql::ident).toList());
        }
    }

    /** Ordinary tables and leaf partitions with their stored (non-generated) columns. */
    static List<Table> tables(Connection c, SchemaSnapshot snapshot) throws SQLException {
        List<Table> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select n.nspname, c.relname, array_agg(a.attname::text order by a.attnum)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                where n.nspname = any(?) and c.relkind = 'r' group by 1, 2, c.oid order by c.oid""")) {
            ps.setArray(1, c.createArrayOf("text", snapshot.schemas().toArray()));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(new Table(r.getString(1), r.getString(2), List.of((String[]) r.getArray(3).getArray())));
                }
            }
        }
        return out;
    }

    static void copyAll(Connection live, Connection shadow, SchemaSnapshot snapshot, long rowCap,
                        ShadowProgressListener listener, List<String> notes) throws SQLException {
        List<Table> tables = tables(live, snapshot);
        int i = 0;
        for (Table t : tables) {
            listener.progress("copy", ++i, tables.size(), t.qualified());
            copy(live, shadow, t, rowCap);
        }
        notes.add("data: at most " + rowCap + " rows per table were copied (a sample, not the live data)");
    }

    static long copy(Connection live, Connection shadow, Table t, long rowCap) throws SQLException {
        CopyManager from = live.unwrap(PGConnection.class).getCopyAPI();
        CopyManager to = shadow.unwrap(PGConnection.class).getCopyAPI();
        CopyOut out = from.copyOut("copy (select " + t.columnList() + " from only " + t.qualified() + " limit " + rowCap
                + ") to stdout (format binary)");
        CopyIn in = to.copyIn("copy " + t.qualified() + " (" + t.columnList() + ") from stdin (format binary)");
        try {
            byte[] buf;
            while ((buf = out.readFromCopy()) != null) {
                in.writeToCopy(buf, 0, buf.length);
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }
}
