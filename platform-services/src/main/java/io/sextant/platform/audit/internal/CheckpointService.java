package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.AuditCheckpoints;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.audit.Checkpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes signed checkpoints of the chain head: stored in {@code ledger.checkpoint} and, after the
 * commit, appended to the external file and logged. See docs/decisions/D004-audit-chain.md.
 */
@Service
class CheckpointService implements AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);

    private final JooqAuditEventRepository events;
    private final JooqCheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final CheckpointFile file;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate tx;

    CheckpointService(JooqAuditEventRepository events, JooqCheckpointRepository checkpoints, CheckpointSigner signer,
            CheckpointFile file, AuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        this.events = events;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.file = file;
        this.auditLog = auditLog;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Requests within this long of a checkpoint, with no event since, get that checkpoint back. */
    static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofSeconds(10);

    @Override
    @PreAuthorize(AuditConfiguration.READERS)
    public Checkpoint checkpoint() {
        return take(true).orElseThrow();
    }

    /** The scheduled checkpoint: none when the head has not moved since the last one. */
    public Optional<Checkpoint> checkpointIfHeadMoved() {
        return take(false);
    }

    private Optional<Checkpoint> take(boolean onDemand) {
        // Read before the transaction: the file only ever holds committed heads, so this entry is
        // at or behind what the transaction will see.
        Optional<Checkpoint> lastInFile = file.last();
        boolean[] repeated = {false};
        Optional<Checkpoint> taken = tx.execute(status -> {
            if (onDemand) {
                // A second request within moments of the last, with nothing recorded since, is the same request
                // (a double click, two operators at once): decided here, under the head's lock, not by a button.
                JooqAuditEventRepository.Head now = events.lockHead();
                Optional<Checkpoint> same = checkpoints.latest()
                        .filter(cp -> cp.seq() == now.seq() && cp.createdAt().isAfter(clock.instant().minus(REPEAT_WINDOW)))
                        .flatMap(cp -> lastInFile.filter(f -> f.seq() == cp.seq()));
                if (same.isPresent()) {
                    repeated[0] = true;
                    return same;
                }
                auditLog.append(AuditEntry.succeeded("audit.checkpoint", "audit_chain", null, Map.of()));
            }
            JooqAuditEventRepository.Head head = events.lockHead();
            if (!onDemand && (head.seq() == 0 || isCheckpointed(head, lastInFile))) {
                return Optional.<Checkpoint>empty();
            }
            lastInFile.ifPresent(last -> requireExtends(last, head));
            JooqCheckpointRepository.StoredKey key = signer.key();
            Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            byte[] signature = signer.sign(key, CheckpointSigner.message(head.seq(), head.hash(), createdAt));
            checkpoints.insert(new JooqCheckpointRepository.StoredCheckpoint(head.seq(), head.hash(), createdAt,
                    key.keyId(), signature));
            return Optional.of(new Checkpoint(head.seq(), HexFormat.of().formatHex(head.hash()), createdAt, key.keyId(),
                    CheckpointSigner.base64(key.publicKey()), CheckpointSigner.base64(signature)));
        });
        taken.filter(cp -> !repeated[0]).ifPresent(cp -> {
            file.append(cp);
            log.info("Audit checkpoint: seq={} head={} key={} file={}", cp.seq(), cp.headHash(), cp.keyId(), file.path());
        });
        return taken;
    }

    private boolean isCheckpointed(JooqAuditEventRepository.Head head, Optional<Checkpoint> lastInFile) {
        return lastInFile.map(cp -> cp.seq() == head.seq()).orElse(false)
                && checkpoints.latest().map(cp -> cp.seq() == head.seq()).orElse(false);
    }

    /** Never sign a head that does not extend the last external checkpoint: that would bless a truncated or rewritten chain. */
    private void requireExtends(Checkpoint last, JooqAuditEventRepository.Head head) {
        byte[] expected = HexFormat.of().parseHex(last.headHash());
        boolean extendsLast = head.seq() >= last.seq()
                && events.hashAt(last.seq()).map(h -> Arrays.equals(h, expected)).orElse(false);
        if (!extendsLast) {
            throw new IllegalStateException("Refusing to sign an audit checkpoint: the chain (head " + head.seq()
                    + ") does not extend the last checkpoint in " + file.path() + " (event " + last.seq()
                    + "); run the audit verification");
        }
    }
}
