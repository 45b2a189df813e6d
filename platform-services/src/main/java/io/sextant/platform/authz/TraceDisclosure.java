package io.sextant.platform.authz;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.authz.internal.TenantAccess;
import io.sextant.platform.tenancy.ProjectService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a person is given of recorded decisions (D009): a trace's row values only if the caller
 * may see that tenant's rows — the simulator's rule ({@link TenantAccess}), so there is one rule
 * for rows and for the traces that hold them; otherwise the values are masked, column names kept.
 * Every read that hands over unmasked inputs is audited in the caller's transaction.
 */
@Component
class TraceDisclosure {

    static final String READ_ACTION = "authz.trace.inputs.read";

    private final ProjectService projects;
    private final TenantAccess access;
    private final AuditLog audit;

    TraceDisclosure(ProjectService projects, TenantAccess access, AuditLog audit) {
        this.projects = projects;
        this.access = access;
        this.audit = audit;
    }

    /** Whether the caller may see the row values of a project's traces; a trace of no (or an unknown) project: nobody. */
    boolean mayReadRows(@Nullable UUID projectId) {
        return projectId != null && projects.find(projectId).map(access::maySeeRows).orElse(false);
    }

    /** How much of a stored trace's inputs a reader is given. */
    static TraceInputs shown(RecordedTrace t, boolean mayReadRows) {
        return t.inputs() == TraceInputs.PURGED ? TraceInputs.PURGED : mayReadRows ? TraceInputs.COMPLETE : TraceInputs.ROW_VALUES_MASKED;
    }

    /** A stored trace as a reader is given it. */
    static RecordedTrace given(RecordedTrace t, boolean mayReadRows) {
        TraceInputs shown = shown(t, mayReadRows);
        return shown == TraceInputs.ROW_VALUES_MASKED ? new RecordedTrace(TraceMask.rowValuesMasked(t.trace()), shown) : t;
    }

    /**
     * Records, in the caller's transaction (so nothing is handed over if it fails), that these
     * decisions' unmasked inputs were read; nothing when the list is empty.
     */
    void audit(UUID projectId, List<UUID> decisions, String via) {
        if (decisions.isEmpty()) {
            return;
        }
        audit.append(AuditEntry.succeeded(READ_ACTION, "project", projectId.toString(), Map.of("via", via,
                "count", Integer.toString(decisions.size()), "decisions", String.join(",", decisions.stream().map(UUID::toString).toList()))));
    }
}
