package io.sextant.platform.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An operator of the console as the operators screen lists it. */
public record OperatorSummary(UUID operatorId, String username, String displayName, @Nullable String email,
        String source, boolean enabled, Set<ConsoleRole> roles, Instant createdAt) {
}
