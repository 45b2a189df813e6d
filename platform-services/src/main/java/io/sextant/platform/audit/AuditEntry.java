package io.sextant.platform.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an action did, as the service that performed it describes it. Who did it, when and under
 * which request id are filled in by the {@link AuditLog} from the current security context,
 * clock and request.
 *
 * @param action     a stable dotted verb, e.g. {@code identity.token.revoke}
 * @param targetType what kind of thing was acted on, e.g. {@code operator}
 * @param targetId   which one, if it has an id
 * @param details    extra facts worth keeping; never secrets
 */
public record AuditEntry(
        String action, String targetType, @Nullable String targetId, AuditOutcome outcome, Map<String, String> details) {

    public AuditEntry {
        details = Map.copyOf(details);
    }

    public static AuditEntry succeeded(String action, String targetType, @Nullable String targetId, Map<String, String> details) {
        return new AuditEntry(action, targetType, targetId, AuditOutcome.SUCCEEDED, details);
    }

    public static AuditEntry refused(String action, String targetType, @Nullable String targetId, Map<String, String> details) {
        return new AuditEntry(action, targetType, targetId, AuditOutcome.REFUSED, details);
    }
}
