package io.sextant.platform.authz;

import static io.sextant.jooq.authz.Tables.POLICY_TEXT;
import static io.sextant.jooq.authz.Tables.POLICY_TEST_SUITE;
import static io.sextant.jooq.authz.Tables.POLICY_VERSION;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.authz.internal.PlatformPolicies;
import io.sextant.platform.authz.internal.TenantTables;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeState;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A project's policies: versions (immutable, named by the hash of their canonical text), drafts,
 * the effective policy (platform rules + the published version), live decisions with durable
 * traces, explanations, least-privilege proposals, test suites, impact analysis and publishing
 * through the migration review board. Reads need any console role; changes need OPERATOR or
 * SECURITY_ADMIN; every change is audited in its transaction.
 */
@Service
public class PolicyService {

    public static final String READ = "hasAnyRole('OPERATOR', 'SUPPORT', 'SECURITY_ADMIN', 'COMPLIANCE')";
    public static final String WRITE = "hasAnyRole('OPERATOR', 'SECURITY_ADMIN')";
    /** Who may purge a decision's inputs (erasure). */
    public static final String PURGE = "hasAnyRole('COMPLIANCE', 'SECURITY_ADMIN')";

    private final DSLContext dsl;
    private final ProjectService projects;
    private final OrganizationService organizations;
    private final TenantTables tables;
    private final TraceStore traces;
    private final ChangeRequestService changes;
    private final AuditLog audit;
    private final TraceDisclosure disclosure;
    private final TransactionTemplate tx;
    private final Clock clock;

    PolicyService(DSLContext dsl, ProjectService projects, OrganizationService organizations, TenantTables tables, TraceStore traces,
            ChangeRequestService changes, AuditLog audit, TraceDisclosure disclosure, TransactionTemplate tx, Clock clock) {
        this.dsl = dsl;
        this.projects = projects;
        this.organizations = organizations;
        this.tables = tables;
        this.traces = traces;
        this.changes = changes;
        this.audit = audit;
        this.disclosure = disclosure;
        this.tx = tx;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ projects and tables

    public Project project(UUID projectId) {
        return projects.find(projectId).orElseThrow(() -> new UnknownProjectException(projectId.toString()));
    }

    @PreAuthorize(READ)
    public List<TableSchema> tables(UUID projectId) {
        return tables.tables(project(projectId)).stream().map(TenantTables.Table::schema).toList();
    }

    @PreAuthorize(READ)
    public String platformRules(UUID projectId) {
        return PlatformPolicies.forProject(project(projectId), ownPolicy(projectId, null));
    }

    @PreAuthorize(READ)
    public List<PolicyTemplate.Use> suggestions(UUID projectId) {
        List<PolicyTemplate.Use> out = new ArrayList<>();
        tables(projectId).forEach(t -> out.addAll(PolicyTemplate.suggest(t)));
        return out;
    }

    // ------------------------------------------------------------------ versions

    @PreAuthorize(READ)
    public List<PolicyVersion> versions(UUID projectId) {
        sync(projectId);
        return dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.PROJECT_ID.eq(projectId)).orderBy(POLICY_VERSION.CREATED_AT.desc())
                .fetch(this::version);
    }

    @PreAuthorize(READ)
    public Optional<PolicyVersion> version(String hash) {
        return dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.VERSION_HASH.eq(hash)).fetchOptional(this::version);
    }

    @PreAuthorize(READ)
    public Optional<PolicyVersion> published(UUID projectId) {
        sync(projectId);
        return dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.PROJECT_ID.eq(projectId)).and(POLICY_VERSION.STATE.eq("published"))
                .fetchOptional(this::version);
    }

    private PolicyVersion version(Record r) {
        var v = r.into(POLICY_VERSION);
        return new PolicyVersion(v.getVersionHash(), v.getProjectId(), v.getParentHash(), v.getSource(), v.getAuthor(),
                v.getCreatedAt().toInstant(), v.getState(), v.getChangeId(), v.getPublishedAt() == null ? null : v.getPublishedAt().toInstant(),
                v.getPublishedBy(), v.getProposedBy());
    }

    /** Checks a policy text against the project's tables without storing it. */
    @PreAuthorize(READ)
    public Policy check(UUID projectId, String source) {
        return checked(source, tables(projectId));
    }

    private static Policy checked(String source, List<TableSchema> schemas) {
        Policy p = PolicyParser.parse(source, schemas);
        for (PolicyRule r : p.rules()) {
            if (r.name().startsWith("platform_")) {
                throw new PolicySyntaxException("rule names starting with platform_ are reserved for the platform's rules", r.line(), r.column(), 0,
                        r.name().length());
            }
        }
        return p;
    }

    /**
     * Stores a draft version (idempotent: the same canonical text is the same version).
     *
     * @throws PolicySyntaxException when it does not compile; nothing is stored
     */
    @PreAuthorize(WRITE)
    public PolicyVersion saveDraft(UUID projectId, String source, @Nullable String parentHash) {
        Policy p = check(projectId, source);
        String who = who();
        return tx.execute(s -> {
            Optional<PolicyVersion> existing = dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.VERSION_HASH.eq(p.hash()))
                    .fetchOptional(this::version);
            if (existing.isPresent()) {
                return existing.get();
            }
            dsl.insertInto(POLICY_VERSION).set(POLICY_VERSION.VERSION_HASH, p.hash()).set(POLICY_VERSION.PROJECT_ID, projectId)
                    .set(POLICY_VERSION.PARENT_HASH, parentHash).set(POLICY_VERSION.SOURCE, source).set(POLICY_VERSION.AUTHOR, who)
                    .set(POLICY_VERSION.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).set(POLICY_VERSION.STATE, "draft").execute();
            audit.append(AuditEntry.succeeded("authz.policy.draft", "project", projectId.toString(),
                    Map.of("version", p.hash(), "rules", String.valueOf(p.rules().size()))));
            return dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.VERSION_HASH.eq(p.hash())).fetchOne(this::version);
        });
    }

    // ------------------------------------------------------------------ effective policy, decisions, traces

    /** Platform rules + the published version (or + {@code versionSource} for a what-if), compiled. */
    @PreAuthorize(READ)
    public CompiledPolicy effective(UUID projectId, @Nullable String versionSource) {
        Project p = project(projectId);
        Optional<PolicyVersion> published = versionSource == null ? published(projectId) : Optional.empty();
        String project = versionSource != null ? versionSource : published.map(PolicyVersion::source).orElse("");
        // compiled once per project state and policy text; the tables' schema is re-read after a short while
        String key = projectId + "|" + p.version() + "|" + p.readOnly() + "|" + p.policyPack() + "|" + p.isolation() + "|"
                + PolicyParser.sha256(project);
        Compiled cached = compiled.get(key);
        if (cached != null && System.nanoTime() - cached.at() < SCHEMA_TTL_NANOS) {
            return cached.policy();
        }
        List<TableSchema> schemas = tables.tables(p).stream().map(TenantTables.Table::schema).toList();
        // table rules (of the published version, or of the draft for a what-if) replace the platform's default access
        boolean own = hasTableRules(p, project, schemas);
        // decide with the canonical text, so the positions in traces are those of the stored policy text and replay is exact
        Policy policy = PolicyParser.parse(PolicyParser.parse(PlatformPolicies.forProject(p, own) + "\n" + project, schemas).canonical(), schemas);
        remember(policy, projectId, published.map(PolicyVersion::versionHash).orElse(null));
        CompiledPolicy result = CompiledPolicy.of(policy);
        if (compiled.size() > 256) {
            compiled.clear();
        }
        compiled.put(key, new Compiled(result, System.nanoTime()));
        return result;
    }

    private record Compiled(CompiledPolicy policy, long at) {
    }

    private static final long SCHEMA_TTL_NANOS = Duration.ofSeconds(30).toNanos();
    private final java.util.Map<String, Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private void remember(Policy policy, UUID projectId, @Nullable String versionHash) {
        dsl.insertInto(POLICY_TEXT).set(POLICY_TEXT.POLICY_HASH, policy.hash()).set(POLICY_TEXT.CANONICAL, policy.canonical())
                .set(POLICY_TEXT.PROJECT_ID, projectId).set(POLICY_TEXT.VERSION_HASH, versionHash)
                .set(POLICY_TEXT.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).onConflictDoNothing().execute();
    }

    /** Whether the published version (or {@code source}) has table rules, which replace the platform's default access. */
    private boolean ownPolicy(UUID projectId, @Nullable String source) {
        String text = source != null ? source : published(projectId).map(PolicyVersion::source).orElse(null);
        if (text == null) {
            return false;
        }
        Project p = project(projectId);
        return hasTableRules(p, text, tables.tables(p).stream().map(TenantTables.Table::schema).toList());
    }

    private static boolean hasTableRules(Project p, String source, List<TableSchema> schemas) {
        Policy policy = PolicyParser.parse(source, schemas);
        return policy.rules().stream().anyMatch(r -> r.actions().stream().anyMatch(PolicyRule.SQL_ACTIONS::contains));
    }

    /** The policy a trace was decided with, by its hash. */
    @PreAuthorize(READ)
    public CompiledPolicy policyOf(DecisionTrace t) {
        String canonical = dsl.select(POLICY_TEXT.CANONICAL).from(POLICY_TEXT).where(POLICY_TEXT.POLICY_HASH.eq(t.policyVersionHash()))
                .fetchOptional(POLICY_TEXT.CANONICAL)
                .orElseThrow(() -> new IllegalStateException("The policy " + t.policyVersionHash() + " of this decision is not stored"));
        Policy p = PolicyParser.parse(canonical);
        if (!p.hash().equals(t.policyVersionHash())) {
            throw new IllegalStateException("The stored policy text does not hash to " + t.policyVersionHash());
        }
        return CompiledPolicy.of(p);
    }

    /** A live decision: returned only once its trace is durable. */
    @PreAuthorize(WRITE)
    public Decision decide(UUID projectId, DecisionRequest request) {
        CompiledPolicy policy = effective(projectId, null);
        DecisionTrace t = policy.trace(request, UUID.randomUUID(), TraceKind.LIVE, projectId, clock.instant());
        traces.record(t).join();
        return new Decision(t.decisionId(), t.effect(), t.decidingRules(), t.policyVersionHash());
    }

    /** Records traces made elsewhere (the simulator, demo data); waits until durable. */
    void recordAll(List<DecisionTrace> list) {
        traces.recordAll(list);
    }

    /**
     * A project's recent decisions for a person: the row's values masked unless the caller may see
     * this tenant's rows (D009); handing over unmasked inputs is audited in the same transaction.
     */
    @PreAuthorize(READ)
    public List<RecordedTrace> recentDecisions(UUID projectId, Duration window, @Nullable TraceKind kind, int limit) {
        Instant now = clock.instant();
        boolean rows = disclosure.mayReadRows(projectId);
        return tx.execute(s -> {
            List<RecordedTrace> given = traces.readRecent(projectId, now.minus(window), now.plusSeconds(1), kind, limit).stream()
                    .map(t -> TraceDisclosure.given(t, rows)).toList();
            disclosure.audit(projectId, given.stream().filter(t -> t.inputs() == TraceInputs.COMPLETE).map(t -> t.trace().decisionId()).toList(),
                    "recent decisions");
            return given;
        });
    }

    /** Whether the project has recorded decisions in the window (hands over nothing). */
    boolean hasDecisions(UUID projectId, Duration window, @Nullable TraceKind kind) {
        Instant now = clock.instant();
        return !traces.readRecent(projectId, now.minus(window), now.plusSeconds(1), kind, 1).isEmpty();
    }

    /**
     * Explains a recorded decision, with the row's values masked unless the caller may see this
     * tenant's rows (D009; unmasked reads are audited in the same transaction). A decision whose
     * inputs were purged is explained from its rules alone.
     *
     * @throws IllegalArgumentException for a malformed id; {@link java.util.NoSuchElementException} when none is recorded
     */
    @PreAuthorize(READ)
    public Explanation explain(String decisionId) {
        UUID id = decisionId(decisionId);
        return tx.execute(s -> {
            RecordedTrace recorded = traces.read(id).orElseThrow(() -> new java.util.NoSuchElementException("No decision " + id + " is recorded"));
            DecisionTrace t = recorded.trace();
            TraceInputs shown = TraceDisclosure.shown(recorded, disclosure.mayReadRows(t.projectId()));
            Explanation e = Explainer.explain(policyOf(t), t, shown);
            if (shown == TraceInputs.COMPLETE && t.projectId() != null) {
                disclosure.audit(t.projectId(), List.of(id), "explanation");
            }
            return e;
        });
    }

    private static UUID decisionId(String decisionId) {
        try {
            UUID id = UUID.fromString(decisionId.strip());
            if (!PolicyParser.CANONICAL_UUID.matcher(decisionId.strip().toLowerCase(java.util.Locale.ROOT)).matches()) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a decision id: '" + decisionId + "' (expected a UUID such as 3f2b…-…)");
        }
    }

    /**
     * Explains what the published policy would decide now for this request (no time given: the
     * clock's); recorded as a simulation. The answer masks row values as {@link #explain(String)} does.
     */
    @PreAuthorize(READ)
    public Explanation explain(UUID projectId, DecisionRequest request) {
        CompiledPolicy policy = effective(projectId, null);
        if (request.context().time() == null) {
            // "now" is the injected clock's
            RequestContext c = request.context();
            request = new DecisionRequest(request.requestId(), request.principal(), request.action(), request.resourceType(), request.resource(),
                    new RequestContext(clock.instant(), c.ip(), c.risk()));
        }
        DecisionTrace t = policy.trace(request, UUID.randomUUID(), TraceKind.SIMULATION, projectId, clock.instant());
        traces.record(t).join(); // before the audit below: never wait for a trace while holding the audit chain
        boolean rows = disclosure.mayReadRows(projectId);
        Explanation e = Explainer.explain(policy, t, rows ? TraceInputs.COMPLETE : TraceInputs.ROW_VALUES_MASKED);
        if (rows) { // the audit chain's head is held only for the append and the commit
            tx.executeWithoutResult(s -> disclosure.audit(projectId, List.of(t.decisionId()), "explain a request"));
        }
        return e;
    }

    /**
     * Purges the inputs of a recorded decision and of its replays (erasure): their content goes,
     * their hash stays, so the trace and its batch still verify and the decision reads as purged.
     * Audited in the same transaction.
     *
     * @return how many traces' inputs were purged now (0 if they already were)
     * @throws IllegalArgumentException for a malformed id or a blank reason
     */
    @PreAuthorize(PURGE)
    public int purgeInputs(String decisionId, String reason) {
        UUID id = decisionId(decisionId);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the inputs are purged (e.g. the erasure request's reference)");
        }
        String who = who();
        return Objects.requireNonNull(tx.execute(s -> {
            int n = traces.purgeInputs(id, who);
            audit.append(AuditEntry.succeeded("authz.trace.inputs.purge", "decision", id.toString(),
                    Map.of("traces", Integer.toString(n), "reason", reason.strip())));
            return n;
        }));
    }

    /** The complete recorded live decisions in a window, for replay (purged ones cannot be replayed). */
    private List<DecisionTrace> replayable(UUID projectId, Instant from, Instant to) {
        return traces.readRecent(projectId, from, to, TraceKind.LIVE, 1000).stream().filter(t -> t.inputs() == TraceInputs.COMPLETE)
                .map(RecordedTrace::trace).toList();
    }

    // ------------------------------------------------------------------ least privilege

    @PreAuthorize(READ)
    public LeastPrivilegeProposal proposeLeastPrivilege(UUID projectId, @Nullable String versionHash, Duration window) {
        Project p = project(projectId);
        String source = versionHash != null ? version(versionHash).map(PolicyVersion::source)
                .orElseThrow(() -> new IllegalArgumentException("No version " + versionHash))
                : published(projectId).map(PolicyVersion::source).orElseThrow(() -> new IllegalStateException(
                        "Project " + p.slug() + " has no published policy to narrow"));
        List<TableSchema> schemas = tables.tables(p).stream().map(TenantTables.Table::schema).toList();
        Instant to = clock.instant();
        Instant from = to.minus(window);
        List<DecisionTrace> recorded = replayable(projectId, from, to.plusSeconds(1));
        LeastPrivilegeProposal proposal = LeastPrivilege.propose(PlatformPolicies.forProject(p, hasTableRules(p, source, schemas)),
                PolicyParser.parse(source, schemas), schemas, recorded, from, to);
        // the preview's decisions under the proposal are recorded as replays of the decisions they replay
        CompiledPolicy proposed = effective(projectId, proposal.proposedSource());
        Instant at = clock.instant();
        traces.recordAll(recorded.stream().map(t -> proposed.trace(Explainer.requestOf(t), UUID.randomUUID(), TraceKind.REPLAY, projectId, at)
                .withRequestId(t.decisionId().toString())).toList());
        return proposal;
    }

    // ------------------------------------------------------------------ test suites

    @PreAuthorize(READ)
    public String testSuite(UUID projectId) {
        return dsl.select(POLICY_TEST_SUITE.CONTENT).from(POLICY_TEST_SUITE).where(POLICY_TEST_SUITE.PROJECT_ID.eq(projectId))
                .fetchOptional(POLICY_TEST_SUITE.CONTENT).orElse("");
    }

    /** @throws io.sextant.platform.tenancy.VersionConflictException when someone saved it since {@code expectedVersion} */
    @PreAuthorize(WRITE)
    public int saveTestSuite(UUID projectId, String content, int expectedVersion) {
        PolicyTestSuite.parse(content, projectId);
        String who = who();
        return tx.execute(s -> {
            int current = dsl.select(POLICY_TEST_SUITE.VERSION).from(POLICY_TEST_SUITE).where(POLICY_TEST_SUITE.PROJECT_ID.eq(projectId))
                    .fetchOptional(POLICY_TEST_SUITE.VERSION).orElse(-1);
            if (current != expectedVersion && !(current == -1 && expectedVersion == 0)) {
                throw new io.sextant.platform.tenancy.VersionConflictException("The test suite was changed by someone else (version "
                        + current + ", you edited " + expectedVersion + "); reload it — your text is kept in the editor");
            }
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            if (current == -1) {
                dsl.insertInto(POLICY_TEST_SUITE).set(POLICY_TEST_SUITE.PROJECT_ID, projectId).set(POLICY_TEST_SUITE.CONTENT, content)
                        .set(POLICY_TEST_SUITE.UPDATED_BY, who).set(POLICY_TEST_SUITE.UPDATED_AT, now).set(POLICY_TEST_SUITE.VERSION, 1).execute();
            } else {
                dsl.update(POLICY_TEST_SUITE).set(POLICY_TEST_SUITE.CONTENT, content).set(POLICY_TEST_SUITE.UPDATED_BY, who)
                        .set(POLICY_TEST_SUITE.UPDATED_AT, now).set(POLICY_TEST_SUITE.VERSION, current + 1)
                        .where(POLICY_TEST_SUITE.PROJECT_ID.eq(projectId)).execute();
            }
            audit.append(AuditEntry.succeeded("authz.tests.save", "project", projectId.toString(), Map.of("version", String.valueOf(current + 1))));
            return Math.max(1, current + 1);
        });
    }

    @PreAuthorize(READ)
    public int testSuiteVersion(UUID projectId) {
        return dsl.select(POLICY_TEST_SUITE.VERSION).from(POLICY_TEST_SUITE).where(POLICY_TEST_SUITE.PROJECT_ID.eq(projectId))
                .fetchOptional(POLICY_TEST_SUITE.VERSION).orElse(0);
    }

    /** Runs the project's suite against platform rules + {@code versionSource} (or the published version). */
    @PreAuthorize(READ)
    public PolicyTestSuite.Report runTests(UUID projectId, @Nullable String versionSource) {
        CompiledPolicy policy = effective(projectId, versionSource);
        List<PolicyTestSuite.Case> cases = PolicyTestSuite.parse(testSuite(projectId), projectId);
        // every decision of the engine is recorded: a test run's decisions are simulations, each named by its line
        Instant at = clock.instant();
        traces.recordAll(cases.stream().map(c -> policy.trace(c.request(), UUID.randomUUID(), TraceKind.SIMULATION, projectId, at)).toList());
        return PolicyTestSuite.run(policy, cases);
    }

    // ------------------------------------------------------------------ impact and publishing

    @PreAuthorize(READ)
    public ImpactReport impact(UUID projectId, String candidateHash, Duration window) {
        PolicyVersion candidate = version(candidateHash).orElseThrow(() -> new IllegalArgumentException("No version " + candidateHash));
        CompiledPolicy next = effective(projectId, candidate.source());
        CompiledPolicy now = effective(projectId, null);
        Instant to = clock.instant();
        Instant from = to.minus(window);
        List<DecisionTrace> recorded = replayable(projectId, from, to.plusSeconds(1));
        List<ImpactReport.Flip> flips = new ArrayList<>();
        List<DecisionTrace> replays = new ArrayList<>();
        Instant at = clock.instant();
        for (DecisionTrace t : recorded) {
            DecisionRequest r = Explainer.requestOf(t);
            Effect before = now.decide(r);
            // every decision of the engine is recorded: a replay names the decision it replays as its request
            DecisionTrace replay = next.trace(r, UUID.randomUUID(), TraceKind.REPLAY, projectId, at).withRequestId(t.decisionId().toString());
            replays.add(replay);
            if (before != replay.effect()) {
                flips.add(new ImpactReport.Flip(t.decisionId().toString(), LeastPrivilege.describe(r), before, replay.effect(), replay.decidingRules()));
            }
        }
        traces.recordAll(replays);
        return new ImpactReport(candidateHash, now.policy().hash(), from, to, recorded.size(), recorded.size() - flips.size(), List.copyOf(flips));
    }

    /** The row-level security a version installs on the project's tables. */
    @PreAuthorize(READ)
    public CompiledRls compile(UUID projectId, String versionSource) {
        Project p = project(projectId);
        return compiled(p, tables.tables(p), versionSource);
    }

    /** Compiles against tables read once by the caller (publishing compiles two versions and needs the tables again). */
    private static CompiledRls compiled(Project p, List<TenantTables.Table> tables, String source) {
        List<TableSchema> schemas = tables.stream().map(TenantTables.Table::schema).toList();
        String tenant = p.isolation() == IsolationModel.SHARED ? "platform.current_tenant_id()" : "'" + p.id() + "'::uuid";
        SqlTarget target = new SqlTarget(p.dbRole(), tenant, SqlTarget.CLAIMS_SETTING, SqlTarget.CONTEXT_SETTING, schemas,
                "sx" + p.id().toString().substring(0, 8), false);
        return PolicyCompiler.compile(checked(source, schemas), target);
    }

    /**
     * Submits a version for publishing: its test suite must pass. When publishing it changes the
     * project's row-level security, the generated SQL goes to the migration review board as a change
     * request (security-relevant, so a security administrator other than the author must approve it
     * there) and the version is published when that change is applied. When it changes none — its
     * rules, and the published version's, are API actions only — there is no SQL to review: the
     * version waits for a security admin's approval of its own ({@link PolicyApprovals}). Never
     * published automatically.
     */
    @PreAuthorize(WRITE)
    public PolicyProposal propose(UUID projectId, String versionHash) {
        Project p = project(projectId);
        PolicyVersion v = version(versionHash).filter(x -> x.projectId().equals(projectId))
                .orElseThrow(() -> new IllegalArgumentException("No version " + versionHash + " of project " + p.slug()));
        if (!v.state().equals("draft") && !v.state().equals("rejected")) {
            throw new IllegalStateException("Version " + versionHash.substring(0, 12) + " is " + v.state() + "; only a draft can be proposed");
        }
        PolicyTestSuite.Report tests = runTests(projectId, v.source());
        if (!tests.passed()) {
            audit.appendRefusal(AuditEntry.refused("authz.policy.propose", "project", projectId.toString(),
                    Map.of("version", versionHash, "reason", tests.failures() + " policy test(s) fail")));
            throw new IllegalStateException("The policy tests fail (" + tests.failures() + " of " + tests.results().size()
                    + "); publishing needs them to pass");
        }
        List<TenantTables.Table> projectTables = tables.tables(p);
        CompiledRls next = compiled(p, projectTables, v.source());
        Optional<PolicyVersion> current = published(projectId);
        CompiledRls previous = current.map(c -> compiled(p, projectTables, c.source())).orElse(null);
        if (next.policies().isEmpty() && (previous == null || previous.policies().isEmpty())) {
            return proposeForApproval(p, v, tests);
        }
        ChangeRequest change = proposeOnBoard(p, v, tests, projectTables, next, current, previous);
        return new PolicyProposal(version(versionHash).orElseThrow(), change);
    }

    /** API rules only, before and after: no SQL, so no board change; a security admin approves it (PolicyApprovals). */
    private PolicyProposal proposeForApproval(Project p, PolicyVersion v, PolicyTestSuite.Report tests) {
        String who = who();
        tx.executeWithoutResult(s -> {
            int n = dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "proposed").setNull(POLICY_VERSION.CHANGE_ID)
                    .set(POLICY_VERSION.PROPOSED_BY, who).set(POLICY_VERSION.PROPOSED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .where(POLICY_VERSION.VERSION_HASH.eq(v.versionHash())).and(POLICY_VERSION.STATE.in("draft", "rejected")).execute();
            if (n == 0) {
                throw new IllegalStateException("Version " + v.versionHash().substring(0, 12) + " was proposed by someone else meanwhile");
            }
            audit.append(AuditEntry.succeeded("authz.policy.propose", "project", p.id().toString(), Map.of("version", v.versionHash(),
                    "route", "security-admin approval (API rules only: no row-level security changes)",
                    "tests", String.valueOf(tests.results().size()))));
        });
        return new PolicyProposal(version(v.versionHash()).orElseThrow(), null);
    }

    private ChangeRequest proposeOnBoard(Project p, PolicyVersion v, PolicyTestSuite.Report tests, List<TenantTables.Table> projectTables,
            CompiledRls next, Optional<PolicyVersion> current, @Nullable CompiledRls previous) {
        String versionHash = v.versionHash();
        boolean nextOwn = !next.policies().isEmpty();
        boolean previousOwn = previous != null && !previous.policies().isEmpty();
        StringBuilder forward = new StringBuilder("-- Publish policy version " + versionHash.substring(0, 12) + " of " + p.slug() + "\n");
        StringBuilder rollback = new StringBuilder("-- Back to " + current.map(c -> "version " + c.versionHash().substring(0, 12)).orElse("the platform's default access")
                + " for " + p.slug() + "\n");
        if (previous != null) {
            previous.dropStatements().forEach(st -> forward.append(st).append(";\n"));
        }
        next.policies().forEach(pol -> forward.append(pol.createStatement()).append(";\n"));
        next.dropStatements().forEach(st -> rollback.append(st).append(";\n"));
        if (previous != null) {
            previous.policies().forEach(pol -> rollback.append(pol.createStatement()).append(";\n"));
        }
        if (nextOwn != previousOwn) {
            // own table rules replace the platform's default access within the tenant (the tenant boundary stays)
            defaultAccess(p, projectTables, !nextOwn, forward);
            defaultAccess(p, projectTables, !previousOwn, rollback);
        }
        String targetId = p.isolation() == IsolationModel.SHARED ? "region:" + p.region()
                : "tenant:" + organizations.list().stream().filter(o -> o.id().equals(p.orgId())).findFirst().map(o -> o.slug()).orElseThrow() + "/" + p.slug();
        ChangeRequest change = changes.submit(new ChangeSubmission(targetId, changes.nextSequence(targetId),
                "Publish policy version " + versionHash.substring(0, 12) + " of project " + p.slug() + " (" + next.policies().size()
                        + " row-level security policies)", forward.toString(), rollback.toString()));
        String who = who();
        tx.executeWithoutResult(s -> {
            dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "proposed").set(POLICY_VERSION.CHANGE_ID, change.changeId())
                    .set(POLICY_VERSION.PROPOSED_BY, who).set(POLICY_VERSION.PROPOSED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .where(POLICY_VERSION.VERSION_HASH.eq(versionHash)).execute();
            audit.append(AuditEntry.succeeded("authz.policy.propose", "project", p.id().toString(),
                    Map.of("version", versionHash, "change", change.changeId(), "tests", String.valueOf(tests.results().size()))));
        });
        return change;
    }

    /**
     * Whether publishing {@code source} now changes the project's row-level security (it has table
     * rules, or the published version has): such a version is published only through the board.
     */
    boolean changesRowSecurity(UUID projectId, String source) {
        Project p = project(projectId);
        List<TenantTables.Table> projectTables = tables.tables(p);
        if (!compiled(p, projectTables, source).policies().isEmpty()) {
            return true;
        }
        return published(projectId).map(c -> !compiled(p, projectTables, c.source()).policies().isEmpty()).orElse(false);
    }

    private static void defaultAccess(Project p, List<TenantTables.Table> projectTables, boolean on, StringBuilder sql) {
        if (p.isolation() == IsolationModel.SHARED) {
            sql.append("update platform.tenant_role set own_policy = ").append(!on).append(" where role_name = '").append(p.dbRole()).append("';\n");
            return;
        }
        for (TenantTables.Table t : projectTables) {
            String q = t.schema().qualifiedName();
            sql.append(on ? "create policy tenant_all on " + q + " to " + p.dbRole() + " using (true) with check (true)"
                    : "drop policy if exists tenant_all on " + q).append(";\n");
        }
    }

    /** Moves proposed versions along with their change requests: applied → published (the previous one superseded), rejected → rejected. */
    private void sync(UUID projectId) {
        List<PolicyVersion> proposed = dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.PROJECT_ID.eq(projectId))
                .and(POLICY_VERSION.STATE.eq("proposed")).fetch(this::version);
        for (PolicyVersion v : proposed) {
            if (v.changeId() == null) {
                continue;
            }
            Optional<ChangeRequest> change = changes.find(v.changeId());
            if (change.isEmpty()) {
                continue;
            }
            ChangeState state = change.get().state();
            if (state == ChangeState.APPLIED) {
                tx.executeWithoutResult(s -> {
                    dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "superseded").where(POLICY_VERSION.PROJECT_ID.eq(projectId))
                            .and(POLICY_VERSION.STATE.eq("published")).execute();
                    int n = dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "published")
                            .set(POLICY_VERSION.PUBLISHED_AT, change.get().updatedAt().atOffset(ZoneOffset.UTC))
                            .set(POLICY_VERSION.PUBLISHED_BY, "change " + v.changeId().substring(0, 12))
                            .where(POLICY_VERSION.VERSION_HASH.eq(v.versionHash())).and(POLICY_VERSION.STATE.eq("proposed")).execute();
                    if (n == 1) {
                        audit.append(AuditEntry.succeeded("authz.policy.publish", "project", projectId.toString(),
                                Map.of("version", v.versionHash(), "change", v.changeId())));
                    }
                });
            } else if (state == ChangeState.REJECTED || state == ChangeState.FAILED || state == ChangeState.ABANDONED) {
                tx.executeWithoutResult(s -> dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "rejected")
                        .where(POLICY_VERSION.VERSION_HASH.eq(v.versionHash())).and(POLICY_VERSION.STATE.eq("proposed")).execute());
            }
        }
    }

    /**
     * Demo seed only: stores a version that compiles to no row-level security (API rules only) as
     * published — there is nothing to install, so nothing bypasses the review board. Audited.
     */
    PolicyVersion seedPublished(UUID projectId, String source) {
        Policy p = check(projectId, source);
        if (!compile(projectId, source).policies().isEmpty()) {
            throw new IllegalArgumentException("Only a policy without table rules can be seeded as published; others go through the review board");
        }
        PolicyVersion v = saveDraft(projectId, source, null);
        // once anything was published (this seed, or a later version through the board or an approval), the seed stays as it is
        if (!v.state().equals("draft") || published(projectId).isPresent()) {
            return v;
        }
        tx.executeWithoutResult(s -> {
            dsl.update(POLICY_VERSION).set(POLICY_VERSION.STATE, "published").set(POLICY_VERSION.PUBLISHED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(POLICY_VERSION.PUBLISHED_BY, who() + " (demo seed)").where(POLICY_VERSION.VERSION_HASH.eq(p.hash())).execute();
            audit.append(AuditEntry.succeeded("authz.policy.seed", "project", projectId.toString(), Map.of("version", p.hash())));
        });
        return version(p.hash()).orElseThrow();
    }

    static String who() {
        var a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
