package io.sextant.platform.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit module.
 *
 * @param checkpointInterval how often the chain head is checkpointed ({@code sextant.audit.checkpoint-interval}, default 5 minutes)
 * @param checkpointFile     where checkpoints are appended as JSON lines, outside the database
 *                           ({@code sextant.audit.checkpoint-file}, default {@code .sextant/audit-checkpoints.jsonl})
 */
@ConfigurationProperties("sextant.audit")
public record AuditProperties(@Nullable Duration checkpointInterval, @Nullable Path checkpointFile) {

    public AuditProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(5) : checkpointInterval;
        checkpointFile = checkpointFile == null ? Path.of(".sextant", "audit-checkpoints.jsonl") : checkpointFile;
    }
}
