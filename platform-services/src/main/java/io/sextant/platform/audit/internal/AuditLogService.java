package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the chain under the lock on {@code ledger.chain_head}: the lock orders concurrent
 * appends and, because seq and head move in the same transaction as the event, a rolled-back
 * append leaves no gap. See docs/decisions/D004-audit-chain.md.
 */
@Service
class AuditLogService implements AuditLog {

    /**
     * How many open transactions of this thread hold the head lock. A refusal's own transaction
     * would wait forever for a lock its suspended outer transaction holds (PostgreSQL cannot see
     * that both are one thread), so that case fails fast instead.
     */
    private static final ThreadLocal<int[]> HEAD_LOCKS = ThreadLocal.withInitial(() -> new int[1]);

    private final JooqAuditEventRepository events;
    private final Clock clock;

    AuditLogService(JooqAuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(AuditEntry entry) {
        return write(entry);
    }

    /**
     * @throws IllegalStateException if this thread's suspended transaction already appended (it
     *         holds the head lock until it ends, so waiting for it would deadlock)
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long appendRefusal(AuditEntry entry) {
        if (HEAD_LOCKS.get()[0] > 0) {
            throw new IllegalStateException("Cannot record a refusal in its own transaction after this thread's "
                    + "open transaction appended to the audit log: record the refusal before the audited work starts");
        }
        return write(entry);
    }

    private long write(AuditEntry entry) {
        JooqAuditEventRepository.Head head = events.lockHead();
        trackHeadLock();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        StoredEvent unsigned = new StoredEvent(head.seq() + 1, UUID.randomUUID(), now, CurrentRequest.actor(),
                entry.action(), entry.targetType(), entry.targetId(), entry.outcome().dbValue(),
                CurrentRequest.requestId(), CanonicalJson.of(entry.details()), head.hash(), new byte[0]);
        byte[] hash = ChainHash.of(head.hash(), unsigned);
        events.insert(unsigned.withHash(hash));
        events.moveHead(unsigned.seq(), hash);
        return unsigned.seq();
    }

    private static void trackHeadLock() {
        HEAD_LOCKS.get()[0]++;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                HEAD_LOCKS.get()[0]--;
            }
        });
    }
}
