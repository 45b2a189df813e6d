package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.audit.ChainProblem;
import io.sextant.platform.audit.ChainProblem.Kind;
import io.sextant.platform.audit.Checkpoint;
import io.sextant.platform.audit.VerificationReport;
import io.sextant.platform.audit.VerificationRun;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the chain on one REPEATABLE READ snapshot, so appends committed meanwhile cannot make
 * the head look ahead of the events; then records the run in a transaction of its own (the
 * snapshot is read-only). See docs/decisions/D004-audit-chain.md.
 */
@Service
class AuditVerifierService implements AuditVerifier {

    private static final int BATCH = 500;

    private final JooqAuditEventRepository events;
    private final JooqCheckpointRepository checkpoints;
    private final JooqVerificationRunRepository runs;
    private final CheckpointFile file;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate write;

    AuditVerifierService(JooqAuditEventRepository events, JooqCheckpointRepository checkpoints,
            JooqVerificationRunRepository runs, CheckpointFile file, Clock clock, PlatformTransactionManager transactions) {
        this.events = events;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.file = file;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
    }

    @Override
    @PreAuthorize(AuditConfiguration.READERS)
    public VerificationReport verify() {
        Instant started = clock.instant();
        // Read the file before the snapshot starts: its entries are committed heads, so none is
        // ahead of what the snapshot sees (reading it later could report a false truncation).
        Optional<Checkpoint> inFile;
        ChainProblem unreadableFile = null;
        try {
            inFile = file.last();
        } catch (RuntimeException e) {
            inFile = Optional.empty();
            unreadableFile = new ChainProblem(Kind.BAD_CHECKPOINT, 0, "The last line of the checkpoint file "
                    + file.path() + " is not a readable checkpoint.");
        }
        Optional<Checkpoint> fileCheckpoint = inFile;
        ChainProblem fileProblem = unreadableFile;
        VerificationReport report = snapshot.execute(status -> walk(fileCheckpoint, fileProblem));
        ChainProblem problem = report.problem();
        write.executeWithoutResult(status -> runs.insert(started, clock.instant(), CurrentRequest.actor(),
                report.eventsChecked(), problem == null ? null : problem.description(),
                problem == null ? null : problem.seq()));
        return report;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public Optional<VerificationRun> lastRun() {
        return snapshot.execute(status -> runs.latest());
    }

    private VerificationReport walk(Optional<Checkpoint> inFile, @Nullable ChainProblem fileProblem) {
        JooqAuditEventRepository.Head head = events.head();
        Optional<JooqCheckpointRepository.StoredCheckpoint> inDatabase = checkpoints.latest();
        Set<Long> watched = new HashSet<>();
        inDatabase.ifPresent(cp -> watched.add(cp.seq()));
        inFile.ifPresent(cp -> watched.add(cp.seq()));
        ChainWalker walker = new ChainWalker(events::seqOfHash, watched);
        long after = 0;
        List<StoredEvent> batch;
        do {
            batch = events.after(after, BATCH);
            for (StoredEvent e : batch) {
                if (!walker.accept(e)) {
                    break;
                }
                after = e.seq();
            }
        } while (batch.size() == BATCH && walker.problem() == null);
        walker.finish();
        ChainProblem problem = walker.problem();
        if (problem == null) {
            problem = new TailCheck(walker, checkpoints.key()).check(head, inDatabase, inFile);
        }
        if (problem == null) {
            problem = fileProblem;
        }
        return new VerificationReport(walker.checked(), walker.lastSeq(),
                inDatabase.map(JooqCheckpointRepository.StoredCheckpoint::seq).orElse(null),
                inFile.map(Checkpoint::seq).orElse(null), problem);
    }
}
