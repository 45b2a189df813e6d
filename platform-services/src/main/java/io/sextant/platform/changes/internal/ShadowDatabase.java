package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SchemaObject;
import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.ShadowProgressListener;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A shadow of a target: a database on a throwaway server of its own (never the target's server,
 * D008), holding the target's roles, rebuilt from a snapshot of the target and filled with a
 * sample of its rows. The change itself runs through {@link #connect()}, as a NOSUPERUSER role of
 * the target owner's name and attributes; the build uses the shadow server's superuser, but
 * creates objects as that owner so that the change can alter them. The live database is only read
 * (see {@link LiveSession}). Closing stops the server and deletes its directory.
 */
public final class ShadowDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String DATABASE = "shadow";

    private final ShadowServer server;
    private final String owner;
    private final String ownerPassword;
    private final List<String> notes = new ArrayList<>();

    private ShadowDatabase(ShadowServer server, String owner, String ownerPassword) {
        this.server = server;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
    }

    /** Starts a shadow server for the target behind {@code live} and recreates the roles its {@code schemas} refer to. */
    public static ShadowDatabase create(ShadowServers servers, Connection live, java.util.Collection<String> schemas) throws SQLException {
        ShadowRoles roles = ShadowRoles.read(live, schemas);
        ShadowServer server = servers.startFor(live);
        try (Connection c = server.admin("postgres"); Statement st = c.createStatement()) {
            byte[] secret = new byte[18];
            RANDOM.nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            roles.recreate(server, st, server.major(), password);
            st.execute("create database " + Sql.ident(server.database()) + " owner " + Sql.ident(roles.owner()) + " template template0");
            return new ShadowDatabase(server, roles.owner(), password);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String name() {
        return server.database();
    }

    /** A connection as the target owner's namesake: NOSUPERUSER, the owner's attributes. Every submitted statement runs here. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), owner, ownerPassword);
    }

    /** The shadow server's superuser, for building and for reading what a change did (never for running it). */
    Connection connectAsSuperuser() throws SQLException {
        return server.admin(server.database());
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
        try (Connection c = connectAsSuperuser(); Statement st = c.createStatement()) {
            // Function bodies may name tables that do not exist yet; PostgreSQL checks them at call time anyway.
            st.execute("set check_function_bodies = off");
            // Objects are created as the owner (the change must be able to alter them); rows are copied as
            // the superuser, which forced row security does not filter.
            st.execute("set role " + Sql.ident(owner));
            List<SchemaObject> deferred = new ArrayList<>();
            List<SchemaObject> objects = snapshot.inCreationOrder();
            boolean copied = false;
            int i = 0;
            for (SchemaObject o : objects) {
                if (!copied && o.phase() > 3) {
                    retry(st, deferred);
                    copy(st, live, c, snapshot, rowCap, listener);
                    copied = true;
                }
                listener.progress("build", ++i, objects.size(), o.key());
                run(st, o, deferred);
            }
            if (!copied) {
                retry(st, deferred);
                copy(st, live, c, snapshot, rowCap, listener);
            }
            retry(st, deferred);
            st.execute("reset role");
            copySequencePositions(live, c, snapshot);
            st.execute("analyze");
            if (copyStatistics) {
                StatisticsCopier.copy(live, c, snapshot, notes);
            }
        }
    }

    private void copy(Statement st, Connection live, Connection c, SchemaSnapshot snapshot, long rowCap,
                      ShadowProgressListener listener) throws SQLException {
        st.execute("reset role");
        DataCopier.copyAll(live, c, snapshot, rowCap, listener, notes);
        st.execute("set role " + Sql.ident(owner));
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
            if ("42501".equals(e.getSQLState())) {
                // Live, some objects belong to a more privileged role than the owner (an extension made at bootstrap).
                st.execute("reset role");
                try {
                    st.execute(o.ddl());
                    notes.add(o.key() + " was built by the shadow server's superuser: the owner role may not create it");
                } catch (SQLException again) {
                    deferred.add(o);
                } finally {
                    st.execute("set role " + Sql.ident(owner));
                }
            } else if ("foreign-key".equals(o.kind()) && "23503".equals(e.getSQLState())) {
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
        server.close();
    }
}
