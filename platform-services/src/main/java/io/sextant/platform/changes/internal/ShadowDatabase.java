package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.JdbcEndpoint;
import io.sextant.platform.changes.SchemaObject;
import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.ShadowProgressListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway database on the target's server, rebuilt from a snapshot of the target and filled
 * with a sample of its rows. Created and dropped by the target's owner role; the live database is
 * only read (see {@link LiveSession}).
 */
public final class ShadowDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowDatabase.class);
    public static final String PREFIX = "sextant_shadow_";

    private final JdbcEndpoint target;
    private final String name;
    private final List<String> notes = new ArrayList<>();

    private ShadowDatabase(JdbcEndpoint target, String name) {
        this.target = target;
        this.name = name;
    }

    public static ShadowDatabase create(JdbcEndpoint target) throws SQLException {
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        String name = PREFIX + HexFormat.of().formatHex(id);
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement st = c.createStatement()) {
            st.execute("create database " + name + " template template0");
        }
        return new ShadowDatabase(target, name);
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(target.url(name), target.user(), target.password());
    }

    public List<String> notes() {
        return notes;
    }

    /**
     * Rebuilds {@code snapshot} in the shadow and copies up to {@code rowCap} rows of each table
     * from {@code live}. Objects that cannot be rebuilt are noted, not fatal: the report says what
     * the shadow lacks.
     */
    public void build(SchemaSnapshot snapshot, Connection live, long rowCap, boolean copyStatistics,
                      ShadowProgressListener listener) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // Function bodies may name tables that do not exist yet; PostgreSQL checks them at call time anyway.
            st.execute("set check_function_bodies = off");
            List<SchemaObject> deferred = new ArrayList<>();
            List<SchemaObject> objects = snapshot.inCreationOrder();
            boolean copied = false;
            int i = 0;
            for (SchemaObject o : objects) {
                if (!copied && o.phase() > 3) {
                    retry(st, deferred);
                    DataCopier.copyAll(live, c, snapshot, rowCap, listener, notes);
                    copied = true;
                }
                listener.progress("build", ++i, objects.size(), o.key());
                run(st, o, deferred);
            }
            if (!copied) {
                retry(st, deferred);
                DataCopier.copyAll(live, c, snapshot, rowCap, listener, notes);
            }
            retry(st, deferred);
            copySequencePositions(live, c, snapshot);
            st.execute("analyze");
            if (copyStatistics) {
                StatisticsCopier.copy(live, c, snapshot, notes);
            }
        }
    }

    private void run(Statement st, SchemaObject o, List<SchemaObject> deferred) throws SQLException {
        if (o.ddl().endsWith(CatalogReader.INVALID)) {
            // A leftover of a failed concurrent build: safe apply drops it before building again, so the shadow starts without it.
            notes.add(o.key() + " is INVALID on the target and was not rebuilt on the shadow (safe apply drops it before a rebuild)");
            return;
        }
        try {
            st.execute(o.ddl());
        } catch (SQLException e) {
            if ("foreign-key".equals(o.kind()) && "23503".equals(e.getSQLState())) {
                // The sample may lack referenced rows: keep the constraint for locking, without checking old rows.
                st.execute(o.ddl() + " not valid");
                notes.add(o.key() + " created NOT VALID on the shadow: the sampled rows lack some referenced rows");
            } else {
                deferred.add(o);
            }
        }
    }

    /** Sets every shadow sequence to its live position, so a forward that inserts does not collide with copied rows. */
    private void copySequencePositions(Connection live, Connection c, SchemaSnapshot snapshot) {
        try {
            var shadowSequences = CatalogReader.sequencePositions(c, snapshot.schemas()).keySet();
            for (var e : CatalogReader.sequencePositions(live, snapshot.schemas()).entrySet()) {
                if (!shadowSequences.contains(e.getKey())) {
                    continue;
                }
                try (var ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                    ps.setString(1, e.getKey());
                    ps.setLong(2, e.getValue().lastValue());
                    ps.setBoolean(3, e.getValue().called());
                    ps.execute();
                } catch (SQLException ex) {
                    notes.add("sequence " + e.getKey() + " keeps its shadow position (" + ex.getMessage() + ")");
                }
            }
        } catch (SQLException ex) {
            notes.add("sequence positions were not copied to the shadow (" + ex.getMessage() + ")");
        }
    }

    /** Runs the deferred objects again until a pass makes no progress (objects of one phase may depend on each other). */
    private void retry(Statement st, List<SchemaObject> deferred) {
        Map<SchemaObject, String> errors = new java.util.LinkedHashMap<>();
        boolean progress = true;
        while (progress && !deferred.isEmpty()) {
            progress = false;
            for (SchemaObject o : List.copyOf(deferred)) {
                try {
                    st.execute(o.ddl());
                    deferred.remove(o);
                    errors.remove(o);
                    progress = true;
                } catch (SQLException e) {
                    errors.put(o, e.getMessage());
                }
            }
        }
        for (SchemaObject o : List.copyOf(deferred)) {
            if (o.phase() > 3) {
                deferred.remove(o);
                notes.add("not rebuilt on the shadow: " + o.key() + " (" + errors.get(o) + ")");
            }
        }
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            log.warn("Could not drop shadow database {}: {}", name, e.getMessage());
        }
    }
}
