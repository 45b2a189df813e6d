package io.sextant.platform.risk.internal;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.risk.FeatureInfo;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskModelService;
import io.sextant.platform.risk.RiskModelVersion;
import io.sextant.platform.tenancy.VersionConflictException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * See {@link RiskModelService}. Publication repeats the review board's rules (D008) for a change
 * with nothing to install: two people, the approver holds SECURITY_ADMIN and is neither author nor
 * proposer, the version approved is the immutable text that was proposed (its hash), and the
 * project's head moves only from the publication the approver saw (D010).
 */
@Service
class RiskModelServiceImpl implements RiskModelService {

    static final String READ = "hasAnyRole('OPERATOR', 'SUPPORT', 'SECURITY_ADMIN', 'COMPLIANCE')";
    static final String WRITE = "hasAnyRole('OPERATOR', 'SECURITY_ADMIN')";

    private final JooqModelStore store;
    private final RiskAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, RiskModel> compiled = new ConcurrentHashMap<>();

    RiskModelServiceImpl(JooqModelStore store, RiskAccess access, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(READ)
    public List<FeatureInfo> features() {
        return Features.infos();
    }

    @Override
    @PreAuthorize(READ)
    public RiskModel check(String source) {
        return ModelParser.parse(source, Features.byName());
    }

    @Override
    @PreAuthorize(WRITE)
    public RiskModelVersion saveDraft(UUID projectId, String source) {
        access.project(projectId);
        RiskModel m = check(source);
        return tx.execute(s -> {
            if (store.insertDraft(projectId, source, m, RiskAccess.who(), now())) {
                audit.append(AuditEntry.succeeded("risk.model.draft", "project", projectId.toString(),
                        Map.of("version", m.hash(), "features", String.valueOf(m.terms().size()))));
            }
            return store.find(projectId, m.hash()).orElseThrow();
        });
    }

    @Override
    @PreAuthorize(READ)
    public List<RiskModelVersion> versions(UUID projectId) {
        access.project(projectId);
        return store.list(projectId);
    }

    @Override
    @PreAuthorize(READ)
    public Optional<RiskModelVersion> published(UUID projectId) {
        access.project(projectId);
        return store.head(projectId).flatMap(h -> store.find(projectId, h.value1()));
    }

    @Override
    @PreAuthorize(READ)
    public int publicationVersion(UUID projectId) {
        access.project(projectId);
        return store.head(projectId).map(h -> h.value2()).orElse(0);
    }

    @Override
    @PreAuthorize(WRITE)
    public RiskModelVersion propose(UUID projectId, String versionHash) {
        RiskModelVersion v = existing(projectId, versionHash);
        return tx.execute(s -> {
            // a superseded version may be proposed again: that is how a project goes back to it, through the same review
            if (!store.move(projectId, versionHash, List.of("draft", "rejected", "superseded"), "proposed", RiskAccess.who(), now())) {
                throw new IllegalStateException("Version " + abbrev(versionHash) + " is " + v.state()
                        + "; only a draft, a rejected or a superseded version can be proposed");
            }
            audit.append(AuditEntry.succeeded("risk.model.propose", "project", projectId.toString(), Map.of("version", versionHash)));
            return store.find(projectId, versionHash).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public RiskModelVersion approve(UUID projectId, String versionHash, int expectedPublication) {
        RiskModelVersion v = existing(projectId, versionHash);
        String who = RiskAccess.who();
        if (who.equals(v.author()) || who.equals(v.proposedBy())) {
            throw refused(projectId, versionHash, "self-approval", new AccessDeniedException(
                    "The author or proposer of a model version cannot approve it: another security administrator does"));
        }
        try {
            return publish(projectId, v, who, expectedPublication);
        } catch (VersionConflictException e) {
            throw refused(projectId, versionHash, "published-meanwhile", e);
        } catch (IllegalStateException e) {
            throw refused(projectId, versionHash, "not-proposed", e);
        }
    }

    private RiskModelVersion publish(UUID projectId, RiskModelVersion v, String who, int expectedPublication) {
        String versionHash = v.versionHash();
        return tx.execute(s -> {
            if (!store.move(projectId, versionHash, List.of("proposed"), "published", who, now())) {
                throw new IllegalStateException("Version " + abbrev(versionHash) + " is " + v.state() + "; only a proposed version can be approved");
            }
            if (!store.advanceHead(projectId, versionHash, expectedPublication, now())) {
                throw new VersionConflictException("The published risk model of this project");
            }
            store.supersedeOthers(projectId, versionHash);
            audit.append(AuditEntry.succeeded("risk.model.publish", "project", projectId.toString(),
                    Map.of("version", versionHash, "author", v.author(), "publication", String.valueOf(expectedPublication + 1))));
            return store.find(projectId, versionHash).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public RiskModelVersion reject(UUID projectId, String versionHash, String reason) {
        RiskModelVersion v = existing(projectId, versionHash);
        return tx.execute(s -> {
            if (!store.move(projectId, versionHash, List.of("proposed"), "rejected", RiskAccess.who(), now())) {
                throw new IllegalStateException("Version " + abbrev(versionHash) + " is " + v.state() + "; only a proposed version can be rejected");
            }
            audit.append(AuditEntry.succeeded("risk.model.reject", "project", projectId.toString(),
                    Map.of("version", versionHash, "reason", reason == null ? "" : reason)));
            return store.find(projectId, versionHash).orElseThrow();
        });
    }

    /** The compiled model of a stored version (parsed once per hash; checked against its hash). */
    RiskModel compiled(UUID projectId, String hash) {
        return compiled.computeIfAbsent(projectId + "/" + hash, k -> {
            RiskModelVersion v = store.find(projectId, hash).orElseThrow(() -> new NoSuchElementException("No model version " + abbrev(hash)));
            RiskModel m = ModelParser.parse(v.source(), Features.byName());
            if (!m.hash().equals(hash)) {
                // a feature definition changed version since: this text no longer names this model
                throw new IllegalStateException("Model version " + abbrev(hash) + " no longer compiles to itself (now " + abbrev(m.hash()) + ")");
            }
            return m;
        });
    }

    private RiskModelVersion existing(UUID projectId, String versionHash) {
        access.project(projectId);
        return store.find(projectId, versionHash)
                .orElseThrow(() -> new NoSuchElementException("No risk model version " + abbrev(versionHash) + " in this project"));
    }

    private <E extends RuntimeException> E refused(UUID projectId, String versionHash, String reason, E e) {
        audit.appendRefusal(AuditEntry.refused("risk.model.publish", "project", projectId.toString(), Map.of("version", versionHash, "reason", reason)));
        return e;
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String abbrev(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
