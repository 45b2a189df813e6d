package io.sextant.platform.tenancy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A project (tenant) as the control plane knows it. {@code status}: provisioning, active,
 * suspended, deleting (within its grace period, until {@code deleteAfter}), deleted or failed.
 */
public record Project(UUID id, UUID orgId, String slug, String name, String region, IsolationModel isolation, String status,
        Set<DataClass> dataClasses, PolicyPack policyPack, @Nullable String dbRole, @Nullable String dbName,
        boolean readOnly, @Nullable String readOnlyReason, @Nullable Long rowsUsed, @Nullable Long storageBytesUsed,
        @Nullable Instant deleteAfter, int version) {

    /** The schema holding the tenant's tables: the shared {@code tenant_data} or the dedicated database's {@code app}. */
    public String dataSchema() {
        return isolation == IsolationModel.SHARED ? "tenant_data" : "app";
    }
}
