package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.KnownRelations;
import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.SchemaTree;
import io.sextant.platform.changes.TargetSchemaService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** See {@link TargetSchemaService}; D008 "The schema in view". */
@Service
class TargetSchemaServiceImpl implements TargetSchemaService {

    /** Changes that will run before a new one: neither applied (they are live) nor rejected (they never will). */
    static final List<ChangeState> QUEUED = List.of(ChangeState.SUBMITTED, ChangeState.CHECKING, ChangeState.NEEDS_APPROVAL,
            ChangeState.APPROVED, ChangeState.APPLYING, ChangeState.FAILED);

    private final ChangeTargets targets;
    private final BoardGate gate;
    private final JooqChangeRepository repo;
    private final TransactionTemplate tx;
    private final MigrationLinter linter;

    TargetSchemaServiceImpl(ChangeTargets targets, BoardGate gate, JooqChangeRepository repo, TransactionTemplate tx, MigrationLinter linter) {
        this.targets = targets;
        this.gate = gate;
        this.repo = repo;
        this.tx = tx;
        this.linter = linter;
    }

    @Override
    public SchemaTree tree(String targetId, String filter, int limit) {
        gate.require("changes.schema.read", targetId, BoardGate.OPERATORS);
        ChangeTarget target = target(targetId);
        try (Connection c = open(target)) {
            return SchemaTreeReader.read(c, target, filter == null ? "" : filter, Math.clamp(limit, 1, MAX_TABLES));
        } catch (SQLException e) {
            throw unavailable(targetId, e);
        }
    }

    @Override
    public LintReport lintDraft(String targetId, String forwardSql) {
        gate.require("changes.change.lint", targetId, BoardGate.OPERATORS);
        ChangeTarget target = target(targetId);
        KnownRelations known;
        try (Connection c = open(target)) {
            known = SchemaTreeReader.known(c, target);
        } catch (SQLException e) {
            throw unavailable(targetId, e);
        }
        List<ChangeRequest> queued = tx.execute(st -> repo.list(targetId));
        for (ChangeRequest q : queued) {
            if (QUEUED.contains(q.state())) known = known.after(q.forwardSql());
        }
        return linter.lint("change", forwardSql, false, known);
    }

    private ChangeTarget target(String targetId) {
        return targets.find(targetId).orElseThrow(() -> new ChangeRefusedException("unknown-target",
                "No change target is known as '" + targetId + "'"));
    }

    /** Read-only, and short: a catalog read that takes longer than this is not worth the author's wait. */
    private static Connection open(ChangeTarget target) throws SQLException {
        Connection c = LiveSession.open(target.endpoint());
        try (Statement st = c.createStatement()) {
            st.execute("set statement_timeout = '5s'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static ChangeRefusedException unavailable(String targetId, SQLException e) {
        return new ChangeRefusedException("target-unavailable", "Cannot read the schema of " + targetId + " now: " + e.getMessage());
    }
}
