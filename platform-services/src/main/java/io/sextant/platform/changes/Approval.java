package io.sextant.platform.changes;

import java.time.Instant;

/** One approval, bound to the content hash it was given for. */
public record Approval(String changeId, String contentHash, String approver, String approverRole, Instant approvedAt) {
}
