package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the console serves anything: the checkpoint key opens with the key-encryption key (a
 * missing or wrong key file stops start-up with the reason), and a key stored in clear by an
 * older version is sealed in place, audited.
 */
@Component
class CheckpointKeyCheck implements SmartInitializingSingleton {

    private final CheckpointSigner signer;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    CheckpointKeyCheck(CheckpointSigner signer, AuditLog audit, PlatformTransactionManager transactions) {
        this.signer = signer;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(status -> {
            if (signer.sealAtRest()) {
                audit.append(AuditEntry.succeeded("audit.checkpoint-key.seal", "audit_chain", null, Map.of()));
            }
        });
    }
}
