package io.sextant.platform.authz;

import static io.sextant.jooq.authz.Tables.POLICY_VERSION;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval path of a policy version that changes no row-level security (its rules and the
 * published version's are API actions only): there is no SQL for the review board to check, so a
 * security admin who is neither the version's author nor its proposer approves it — or rejects
 * it — and it is published in the same transaction as its audit event. The project's versions are
 * locked for the decision, so concurrent approvals publish once. Every refusal is audited in its
 * own transaction, before the caller learns whether the version exists (D009).
 */
@Service
public class PolicyApprovals {

    private static final String APPROVE = "authz.policy.approve";
    private static final String REJECT = "authz.policy.reject";

    private final DSLContext dsl;
    private final PolicyService policies;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PolicyApprovals(DSLContext dsl, PolicyService policies, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.dsl = dsl;
        this.policies = policies;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Why the signed-in person may not approve or reject {@code v} now, in words for a disabled
     * button; empty when they may (the service still decides when they press it).
     */
    public Optional<String> whyNot(PolicyVersion v) {
        if (!CurrentRoles.has(ConsoleRole.SECURITY_ADMIN)) {
            return Optional.of("Approving a policy needs the " + ConsoleRole.SECURITY_ADMIN.label() + " role");
        }
        if (!v.awaitsApproval()) {
            return Optional.of("Version " + v.versionHash().substring(0, 12) + " is " + v.state()
                    + (v.state().equals("proposed") ? " on the review board: approve its change there" : "; only a proposed version is approved"));
        }
        String who = PolicyService.who();
        if (who.equals(v.author())) {
            return Optional.of("You wrote this version: another security admin approves it");
        }
        if (who.equals(v.proposedBy())) {
            return Optional.of("You proposed this version: another security admin approves it");
        }
        return Optional.empty();
    }

    /**
     * Publishes a proposed API-only version (the previously published one is superseded).
     *
     * @throws AccessDeniedException for anyone but a security admin other than its author and proposer (audited)
     * @throws NoSuchElementException when the project has no such version (audited)
     * @throws IllegalStateException when it is not awaiting approval, or publishing it would now change row-level
     *         security (the published version changed since): it must be proposed again (audited)
     */
    public PolicyVersion approve(UUID projectId, String versionHash) {
        requireSecurityAdmin(APPROVE, projectId, versionHash);
        PolicyVersion candidate = awaiting(APPROVE, projectId, versionHash);
        // read outside the lock: compiling reads the tenant's tables on its region server
        if (policies.changesRowSecurity(projectId, candidate.source())) {
            throw refuse(APPROVE, projectId, versionHash, new IllegalStateException("Publishing version " + versionHash.substring(0, 12)
                    + " would now change row-level security (the published version changed since it was proposed): propose it again, "
                    + "for the review board"));
        }
        String who = PolicyService.who();
        return Objects.requireNonNull(tx.execute(s -> {
            PolicyVersion v = lockedAwaiting(APPROVE, projectId, versionHash, who);
            dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "superseded").where(POLICY_VERSION.PROJECT_ID.eq(projectId))
                    .and(POLICY_VERSION.STATE.eq("published")).execute();
            dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "published").set(POLICY_VERSION.PUBLISHED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(POLICY_VERSION.PUBLISHED_BY, who + " (security admin approval)").where(POLICY_VERSION.VERSION_HASH.eq(v.versionHash())).execute();
            audit.append(AuditEntry.succeeded(APPROVE, "project", projectId.toString(), Map.of("version", versionHash, "author", v.author(),
                    "proposedBy", String.valueOf(v.proposedBy()), "route", "security-admin approval (API rules only)")));
            audit.append(AuditEntry.succeeded("authz.policy.publish", "project", projectId.toString(), Map.of("version", versionHash)));
            return policies.version(versionHash).orElseThrow();
        }));
    }

    /** Sends a proposed API-only version back (it can be proposed again); same rules and audit as {@link #approve}. */
    public PolicyVersion reject(UUID projectId, String versionHash, String reason) {
        requireSecurityAdmin(REJECT, projectId, versionHash);
        awaiting(REJECT, projectId, versionHash);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the version is rejected; nothing was changed");
        }
        String who = PolicyService.who();
        return Objects.requireNonNull(tx.execute(s -> {
            PolicyVersion v = lockedAwaiting(REJECT, projectId, versionHash, who);
            dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "rejected").where(POLICY_VERSION.VERSION_HASH.eq(v.versionHash())).execute();
            audit.append(AuditEntry.succeeded(REJECT, "project", projectId.toString(), Map.of("version", versionHash, "reason", reason.strip())));
            return policies.version(versionHash).orElseThrow();
        }));
    }

    private void requireSecurityAdmin(String action, UUID projectId, String versionHash) {
        if (!CurrentRoles.has(ConsoleRole.SECURITY_ADMIN)) {
            throw refuse(action, projectId, versionHash, new AccessDeniedException("Approving a policy needs the "
                    + ConsoleRole.SECURITY_ADMIN.label() + " role"));
        }
    }

    private PolicyVersion awaiting(String action, UUID projectId, String versionHash) {
        PolicyVersion v = policies.version(versionHash).filter(x -> x.projectId().equals(projectId))
                .orElseThrow(() -> refuse(action, projectId, versionHash, new NoSuchElementException("No version " + versionHash + " of this project")));
        return check(action, v, PolicyService.who());
    }

    /** Locks every version of the project (in one order), so two decisions on it queue and the second sees the first's. */
    private PolicyVersion lockedAwaiting(String action, UUID projectId, String versionHash, String who) {
        dsl.select(POLICY_VERSION.VERSION_HASH).from(POLICY_VERSION).where(POLICY_VERSION.PROJECT_ID.eq(projectId))
                .orderBy(POLICY_VERSION.VERSION_HASH).forUpdate().fetch();
        return check(action, policies.version(versionHash).orElseThrow(), who);
    }

    private PolicyVersion check(String action, PolicyVersion v, String who) {
        if (!v.awaitsApproval()) {
            throw refuse(action, v.projectId(), v.versionHash(), new IllegalStateException("Version " + v.versionHash().substring(0, 12) + " is "
                    + v.state() + (v.state().equals("proposed") ? " on the review board: its change is approved there" : "; only a proposed version is approved")));
        }
        if (who.equals(v.author()) || who.equals(v.proposedBy())) {
            throw refuse(action, v.projectId(), v.versionHash(), new AccessDeniedException("The author or proposer of a policy version cannot "
                    + (action.equals(APPROVE) ? "approve" : "reject") + " it: another security admin does"));
        }
        return v;
    }

    private <E extends RuntimeException> E refuse(String action, UUID projectId, String versionHash, E e) {
        audit.appendRefusal(AuditEntry.refused(action, "project", projectId.toString(), Map.of("version", versionHash, "reason",
                String.valueOf(e.getMessage()))));
        return e;
    }
}
