package io.sextant.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends committed events the way a service would: each in its own transaction. */
final class AuditTestSupport {

    private final AuditLog auditLog;
    private final TransactionTemplate tx;

    AuditTestSupport(AuditLog auditLog, PlatformTransactionManager transactions) {
        this.auditLog = auditLog;
        this.tx = new TransactionTemplate(transactions);
    }

    TransactionTemplate tx() {
        return tx;
    }

    long appendCommitted(String action, String targetId) {
        Long seq = tx.execute(status -> auditLog.append(
                AuditEntry.succeeded(action, "test_target", targetId, Map.of("note", "from a test", "n", targetId))));
        return seq;
    }

    List<Long> appendCommitted(int count, String action) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seqs.add(appendCommitted(action, "t" + i));
        }
        return seqs;
    }
}
