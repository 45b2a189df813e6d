package io.sextant.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recorded verification run, as the home page shows it.
 *
 * @param problem    plain-words description of the first problem, {@code null} if intact
 * @param problemSeq where that problem shows first, {@code null} if intact
 */
public record VerificationRun(
        long runId, Instant startedAt, Instant finishedAt, String actor, long eventsChecked, boolean intact,
        @Nullable String problem, @Nullable Long problemSeq) {
}
