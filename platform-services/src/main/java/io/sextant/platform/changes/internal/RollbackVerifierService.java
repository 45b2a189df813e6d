package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.RollbackCheck;
import io.sextant.platform.changes.RollbackCheck.Status;
import io.sextant.platform.changes.SchemaDifference;
import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementSplitter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** See {@link RollbackVerifier}: the round trip runs on its own fresh shadow. */
@Service
class RollbackVerifierService implements io.sextant.platform.changes.RollbackVerifier {

    private final ChangeTargets targets;

    private final BoardGate gate;
    private final ShadowServers servers;

    RollbackVerifierService(ChangeTargets targets, BoardGate gate, ShadowServers servers) {
        this.targets = targets;
        this.gate = gate;
        this.servers = servers;
    }

    @Override
    public RollbackCheck derive(String targetId, String forwardSql) {
        gate.require("changes.rollback.derive", targetId, BoardGate.OPERATORS);
        ChangeTarget target = targets.require(targetId);
        try (Connection live = LiveSession.open(target.endpoint())) {
            RollbackDeriver.Derivation d = RollbackDeriver.derive(forwardSql, SchemaSnapshot.read(live, target.schemas()));
            return new RollbackCheck(d.sql() == null ? Status.IRREVERSIBLE : Status.VERIFIED, d.sql(), true, d.irreversible(),
                    d.dataLoss(), List.of(), List.of(), null);
        } catch (SQLException e) {
            throw new ChangeRefusedException("target-unavailable", "Cannot read " + targetId + ": " + e.getMessage());
        }
    }

    @Override
    public RollbackCheck verify(String targetId, String forwardSql, @Nullable String rollbackSql, int rowCap) {
        gate.require("changes.rollback.verify", targetId, BoardGate.OPERATORS);
        ChangeTarget target = targets.require(targetId);
        try (Connection live = LiveSession.open(target.endpoint())) {
            SchemaSnapshot liveSnapshot = SchemaSnapshot.read(live, target.schemas());
            RollbackDeriver.Derivation d = RollbackDeriver.derive(forwardSql, liveSnapshot);
            boolean derived = rollbackSql == null || rollbackSql.isBlank();
            String rollback = derived ? d.sql() : rollbackSql;
            if (rollback == null) {
                return new RollbackCheck(Status.IRREVERSIBLE, null, true, d.irreversible(), d.dataLoss(), List.of(), List.of(), null);
            }
            try (ShadowDatabase shadow = ShadowDatabase.create(servers, live, target.schemas())) {
                shadow.build(liveSnapshot, live, rowCap, false, ShadowProgressListener.NONE);
                // The scripts run as the owner's NOSUPERUSER namesake; what they did is read as the shadow's superuser,
                // which row security does not filter.
                try (Connection c = SearchPath.set(shadow.connect(), target); Connection reader = shadow.connectAsSuperuser()) {
                    SchemaSnapshot before = SchemaSnapshot.read(reader, target.schemas());
                    Map<String, String> sumsBefore = checksums(reader, before);
                    Map<String, CatalogReader.SequencePosition> seqBefore = CatalogReader.sequencePositions(reader, target.schemas());
                    for (String script : List.of(forwardSql, rollback)) {
                        for (SqlStatement s : StatementSplitter.split(script)) {
                            try (Statement st = c.createStatement()) {
                                st.execute(s.text());
                            } catch (SQLException e) {
                                return new RollbackCheck(Status.FAILED, rollback, derived, d.irreversible(), d.dataLoss(), List.of(),
                                        List.of(), Failures.of(s, script, e));
                            }
                        }
                    }
                    List<String> schemaDiff = before.diff(SchemaSnapshot.read(reader, target.schemas())).stream()
                            .map(SchemaDifference::describe).toList();
                    Map<String, String> sumsAfter = checksums(reader, before);
                    List<String> dataDiff = new ArrayList<>();
                    sumsBefore.forEach((t, sum) -> {
                        if (!sum.equals(sumsAfter.get(t))) {
                            dataDiff.add(t + ": sampled rows differ after the round trip (md5 " + sum + " → " + sumsAfter.get(t) + ")");
                        }
                    });
                    List<String> warnings = new ArrayList<>();
                    compareSequences(seqBefore, CatalogReader.sequencePositions(reader, target.schemas()), forwardSql + "\n" + rollback,
                            dataDiff, warnings);
                    Status status = schemaDiff.isEmpty() && dataDiff.isEmpty() ? Status.VERIFIED : Status.DIFFERS;
                    return new RollbackCheck(status, rollback, derived, derived ? d.irreversible() : List.of(), d.dataLoss(),
                            schemaDiff, dataDiff, null, warnings);
                }
            }
        } catch (SQLException e) {
            throw new ChangeRefusedException("shadow-unavailable", "Cannot build a shadow of " + targetId + ": " + e.getMessage());
        }
    }

    /**
     * Sequence positions after the round trip (D008): a sequence that would hand out a value again
     * (its next value went back) or that the scripts name themselves (setval, restart, nextval on it)
     * must come back exactly — a difference blocks. One that only moved forward through use (a
     * default's nextval while forward inserted rows that rollback deleted) is a warning: PostgreSQL
     * never rolls sequences back either, and the gap is harmless. Definitions (increment, bounds,
     * cycle) are compared with the catalog snapshot like any other object.
     */
    static void compareSequences(Map<String, CatalogReader.SequencePosition> before, Map<String, CatalogReader.SequencePosition> after,
                                 String scripts, List<String> blocking, List<String> warnings) {
        Set<String> named = named(scripts);
        before.forEach((seq, was) -> {
            CatalogReader.SequencePosition now = after.get(seq);
            if (now == null || now.equals(was)) {
                return; // a sequence that is gone or changed its definition is a catalog difference already
            }
            String line = "sequence " + seq + ": " + was + " → " + now;
            boolean back = was.increment() > 0 ? now.next() < was.next() : now.next() > was.next();
            String name = seq.substring(seq.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(java.util.Locale.ROOT);
            if (back) {
                blocking.add(line + " (went back: values already handed out would be handed out again)");
            } else if (named.contains(name)) {
                blocking.add(line + " (the change sets this sequence itself; the rollback must restore it)");
            } else {
                warnings.add(line + " (advanced by use during the round trip; not restored, as in PostgreSQL itself)");
            }
        });
    }

    /** Every word of the scripts, lower-cased, string literals included ({@code setval('app.s', 1)} names {@code s} in one). */
    private static Set<String> named(String scripts) {
        Set<String> out = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*").matcher(scripts);
        while (m.find()) {
            out.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** table → md5 of its rows in a stable order; a table that is gone has no entry (and so differs). */
    static Map<String, String> checksums(Connection c, SchemaSnapshot snapshot) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (DataCopier.Table t : DataCopier.tables(c, snapshot)) {
            try (Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from "
                         + t.qualified() + " t")) {
                r.next();
                out.put(t.qualified(), r.getString(1));
            } catch (SQLException e) {
                out.put(t.qualified(), "unreadable: " + e.getMessage());
            }
        }
        return out;
    }
}
