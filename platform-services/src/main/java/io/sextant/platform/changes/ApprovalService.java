package io.sextant.platform.changes;

import java.util.List;

/**
 * Approvals. The approver must not be the author and must hold the change's required role
 * (SECURITY_ADMIN for security-relevant changes, OPERATOR otherwise). An approval names the
 * content hash the approver saw; if the change was edited since, it is refused, and approvals
 * of older content never count.
 */
public interface ApprovalService {

    /**
     * @throws ChangeRefusedException {@code missing-role} (checked first, before the change is looked up),
     *         {@code missing-content-hash}, {@code self-approval}, {@code content-changed}, {@code not-awaiting-approval}
     */
    ChangeRequest approve(String changeId, String contentHash);

    /** Approvals that count: those of the current content. */
    List<Approval> currentApprovals(String changeId);
}
