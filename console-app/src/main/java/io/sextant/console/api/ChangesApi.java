package io.sextant.console.api;

import io.sextant.platform.changes.ApplyResult;
import io.sextant.platform.changes.ApprovalService;
import io.sextant.platform.changes.ChangeApplier;
import io.sextant.platform.changes.ChangeCheckResult;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.DriftReport;
import io.sextant.platform.changes.DriftService;
import io.sextant.platform.changes.QueuedChange;
import io.sextant.platform.changes.ShadowOptions;
import io.sextant.platform.changes.ShadowProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/changes}: the migration review board for scripts and CI — submit a change as JSON
 * or as migration files ({@code V<n>__<description>.sql} plus an optional rollback file), run its
 * checks, approve the content hash you reviewed, apply, reject, revise, abandon; a target's queue
 * and drift. The changes services decide every gate and who may pass it ({@code ChangeLifecycle}).
 */
@RestController
@RequestMapping("/api/v1/changes")
class ChangesApi {

    private static final Pattern FILE = Pattern.compile("^V(\\d+)__([A-Za-z0-9_]+)\\.sql$");

    private final ChangeRequestService changes;
    private final ApprovalService approvals;
    private final ChangeApplier applier;
    private final ChangeTargets targets;
    private final DriftService drift;

    ChangesApi(ChangeRequestService changes, ApprovalService approvals, ChangeApplier applier, ChangeTargets targets, DriftService drift) {
        this.changes = changes;
        this.approvals = approvals;
        this.applier = applier;
        this.targets = targets;
        this.drift = drift;
    }

    record TargetInfo(String targetId, String kind, String displayName, int tenantsAffected) {
    }

    @GetMapping("/targets")
    List<TargetInfo> targets() {
        return targets.list().stream().map(t -> new TargetInfo(t.targetId(), t.kind(), t.displayName(), t.tenantsAffected())).toList();
    }

    @GetMapping
    List<ChangeRequest> list(@RequestParam String target) {
        return changes.list(target);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChangeRequest submit(@RequestBody ChangeSubmission submission) {
        return changes.submit(submission);
    }

    /** Submits a migration file (its name gives the sequence and description) and an optional rollback file. */
    @PostMapping(path = "/files", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    ChangeRequest submitFiles(@RequestParam String target, @RequestParam("forward") MultipartFile forward,
            @RequestParam(value = "rollback", required = false) MultipartFile rollback) throws IOException {
        String name = forward.getOriginalFilename() == null ? "" : forward.getOriginalFilename();
        Matcher m = FILE.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("Name the forward file V<sequence>__<description>.sql, e.g. V12__index_orders.sql (got \""
                    + name + "\").");
        }
        return changes.submit(new ChangeSubmission(target, Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                new String(forward.getBytes(), StandardCharsets.UTF_8),
                rollback == null ? null : new String(rollback.getBytes(), StandardCharsets.UTF_8)));
    }

    record QueueInfo(String targetId, int nextSequence, List<QueuedChange> changes) {
    }

    /** The target's changes in queue order with the version each applied or will apply as and why it waits; and the next version. */
    @GetMapping("/targets/{target}/queue")
    QueueInfo queue(@PathVariable String target) {
        List<QueuedChange> queue = changes.queue(target);
        if (targets.find(target).isEmpty()) {
            throw new NoSuchElementException("No change target " + target);
        }
        return new QueueInfo(target, changes.nextSequence(target), queue);
    }

    @GetMapping("/{id}")
    ChangeRequest find(@PathVariable String id) {
        return changes.find(id).orElseThrow(() -> new NoSuchElementException("No change request " + id));
    }

    @PostMapping("/{id}/check")
    ChangeCheckResult check(@PathVariable String id) {
        return changes.check(id, ShadowOptions.defaults(), ShadowProgressListener.NONE);
    }

    @GetMapping("/{id}/check")
    ChangeCheckResult latestCheck(@PathVariable String id) {
        return changes.latestCheck(id).orElseThrow(() -> new NoSuchElementException("Change " + id + " has not been checked yet"));
    }

    record ApprovalRequest(String contentHash) {
    }

    @PostMapping("/{id}/approve")
    ChangeRequest approve(@PathVariable String id, @RequestBody ApprovalRequest body) {
        return approvals.approve(id, body.contentHash());
    }

    @PostMapping("/{id}/apply")
    ApplyResult apply(@PathVariable String id) {
        return applier.apply(id);
    }

    record RejectRequest(String reason) {
    }

    @PostMapping("/{id}/reject")
    ChangeRequest reject(@PathVariable String id, @RequestBody RejectRequest body) {
        return changes.reject(id, body.reason());
    }

    /**
     * @param expectedVersion the change's {@code version} you revised (optimistic lock)
     * @param note            why, kept in the audit trail (optional)
     */
    record RevisionRequest(Integer expectedVersion, String forwardSql, String rollbackSql, String note) {
    }

    /** A new revision of a failed, rejected or not yet applied change: same id and place in the queue, approvals void. */
    @PostMapping("/{id}/revise")
    ChangeRequest revise(@PathVariable String id, @RequestBody RevisionRequest body) {
        // a missing version cannot match any: the board refuses it as stale after its role and content checks
        return changes.revise(id, body.expectedVersion() == null ? -1 : body.expectedVersion(), body.forwardSql(), body.rollbackSql(), body.note());
    }

    record AbandonRequest(String reason) {
    }

    /** Abandons a change for good (Operator role, with a reason): the changes behind it move up. */
    @PostMapping("/{id}/abandon")
    ChangeRequest abandon(@PathVariable String id, @RequestBody AbandonRequest body) {
        return changes.abandon(id, body.reason());
    }

    /** Changes held in CHECKING or APPLYING past the timeout (their process probably died). */
    @GetMapping("/stuck")
    List<ChangeRequest> stuck() {
        return changes.stuck();
    }

    /** Releases a stuck change: CHECKING → SUBMITTED, APPLYING → FAILED (verify the target with drift first; never re-applied). */
    @PostMapping("/{id}/reset")
    ChangeRequest reset(@PathVariable String id) {
        return changes.resetStuck(id);
    }

    @GetMapping("/targets/{target}/drift")
    DriftReport drift(@PathVariable String target) {
        return drift.drift(target);
    }

    /** The refusal's stable code decides the status: who may (403), what exists (404), bad input (400), state (409). */
    @ExceptionHandler(ChangeRefusedException.class)
    ProblemDetail refused(ChangeRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case "missing-role", "not-authenticated", "self-approval" -> HttpStatus.FORBIDDEN;
            case "unknown-target", "unknown-change" -> HttpStatus.NOT_FOUND;
            case "empty-change", "missing-content-hash", "missing-reason" -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setProperty("reason", e.reason());
        return p;
    }
}
