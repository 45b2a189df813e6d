package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.SchemaDifference;
import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.ShadowApplier;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import io.sextant.platform.changes.ShadowReport;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementFailure;
import io.sextant.platform.changes.StatementMeasurement;
import io.sextant.platform.changes.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** See {@link ShadowApplier} and D008. */
@Service
class ShadowApplierService implements ShadowApplier {

    private final ChangeTargets targets;
    private final MigrationLinter linter;
    private final BoardGate gate;
    private final ShadowServers servers;

    ShadowApplierService(ChangeTargets targets, MigrationLinter linter, BoardGate gate, ShadowServers servers) {
        this.targets = targets;
        this.linter = linter;
        this.gate = gate;
        this.servers = servers;
    }

    @Override
    public ShadowReport apply(String targetId, String forwardSql, ShadowOptions options, ShadowProgressListener listener) {
        gate.require("changes.shadow.apply", targetId, BoardGate.OPERATORS);
        ChangeTarget target = targets.require(targetId);
        LintReport lint = linter.lint("change", forwardSql);
        List<SqlStatement> statements = StatementSplitter.split(forwardSql);
        List<StatementMeasurement> measured = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StatementFailure failure = null;
        long buildMillis;
        try (Connection live = LiveSession.open(target.endpoint())) {
            SchemaSnapshot snapshot = SchemaSnapshot.read(live, target.schemas());
            Map<String, Long> liveRows = LiveSizes.rows(live, target.schemas());
            long t0 = System.nanoTime();
            try (ShadowDatabase shadow = ShadowDatabase.create(servers, live, target.schemas())) {
                shadow.build(snapshot, live, options.rowCap(), options.copyStatistics(), listener);
                buildMillis = (System.nanoTime() - t0) / 1_000_000;
                try (Connection worker = SearchPath.set(shadow.connect(), target); Connection observer = shadow.connect();
                     StatementRunner runner = new StatementRunner(worker, observer, options.statementTimeout())) {
                    for (SqlStatement s : statements) {
                        listener.progress("apply", s.index() + 1, statements.size(), s.text());
                        SchemaSnapshot before = SchemaSnapshot.read(observer, target.schemas());
                        StatementRunner.Outcome o;
                        try {
                            o = runner.run(s);
                        } catch (SQLException e) {
                            failure = Failures.of(s, forwardSql, e);
                            break;
                        }
                        List<String> changes = before.diff(SchemaSnapshot.read(observer, target.schemas())).stream()
                                .map(SchemaDifference::describe).toList();
                        measured.add(new StatementMeasurement(s.index(), s.text(), o.concurrent(), o.millis(),
                                List.copyOf(o.locks()), o.rewritten(), changes, null));
                    }
                }
                notes.addAll(shadow.notes());
            }
            if (failure == null) {
                measured = Calibrator.project(servers, target, snapshot, live, statements, measured, liveRows, options, listener, notes);
            }
        } catch (SQLException e) {
            throw new ChangeRefusedException("shadow-unavailable", "Cannot build a shadow of " + targetId + ": " + e.getMessage());
        }
        return new ShadowReport(targetId, lint, measured, failure, LintExpectations.compare(forwardSql, lint, measured),
                notes, buildMillis);
    }
}
