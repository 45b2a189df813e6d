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

    RollbackVerifierService(ChangeTargets targets, BoardGate gate) {
        this.targets = targets;
        this.gate = gate;
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
            try (ShadowDatabase shadow = ShadowDatabase.create(target.endpoint())) {
                shadow.build(liveSnapshot, live, rowCap, false, ShadowProgressListener.NONE);
                try (Connection c = shadow.connect()) {
                    SchemaSnapshot before = SchemaSnapshot.read(c, target.schemas());
                    Map<String, String> sumsBefore = checksums(c, before);
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
                    List<String> schemaDiff = before.diff(SchemaSnapshot.read(c, target.schemas())).stream()
                            .map(SchemaDifference::describe).toList();
                    Map<String, String> sumsAfter = checksums(c, before);
                    List<String> dataDiff = new ArrayList<>();
                    sumsBefore.forEach((t, sum) -> {
                        if (!sum.equals(sumsAfter.get(t))) {
                            dataDiff.add(t + ": sampled rows differ after the round trip (md5 " + sum + " → " + sumsAfter.get(t) + ")");
                        }
                    });
                    Status status = schemaDiff.isEmpty() && dataDiff.isEmpty() ? Status.VERIFIED : Status.DIFFERS;
                    return new RollbackCheck(status, rollback, derived, derived ? d.irreversible() : List.of(), d.dataLoss(),
                            schemaDiff, dataDiff, null);
                }
            }
        } catch (SQLException e) {
            throw new ChangeRefusedException("shadow-unavailable", "Cannot build a shadow of " + targetId + ": " + e.getMessage());
        }
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
