package io.sextant.platform.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checkpoints the chain head every {@code sextant.audit.checkpoint-interval}. It calls the service
 * below its security check and with no authentication, so the work runs as {@code system}.
 */
@Component
class CheckpointScheduler {

    private static final Logger log = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final CheckpointService checkpoints;

    CheckpointScheduler(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${sextant.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${sextant.audit.checkpoint-interval:PT5M}")
    void checkpoint() {
        try {
            checkpoints.checkpointIfHeadMoved();
        } catch (RuntimeException e) {
            // A refused checkpoint (chain no longer extends the file) is an alarm, not a crash of the scheduler.
            log.error("Scheduled audit checkpoint failed: {}", e.getMessage());
        }
    }
}
