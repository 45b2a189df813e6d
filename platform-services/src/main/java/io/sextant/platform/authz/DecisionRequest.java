package io.sextant.platform.authz;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One question to the engine: may {@code principal} do {@code action} on a resource of
 * {@code resourceType} (a table for select/insert/update/delete) with these attributes (the row's
 * columns), in this context? {@code requestId} ties it to the request that caused it.
 */
public record DecisionRequest(@Nullable String requestId, Principal principal, String action, String resourceType,
        Map<String, @Nullable Object> resource, RequestContext context) {
}
