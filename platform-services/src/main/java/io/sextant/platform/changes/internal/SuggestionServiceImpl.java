package io.sextant.platform.changes.internal;

import static io.sextant.jooq.ops.Tables.CHANGE_SUGGESTION;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.ChangeRequest;
import io.sextant.platform.changes.ChangeRequestService;
import io.sextant.platform.changes.ChangeSubmission;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.Suggestion;
import io.sextant.platform.changes.SuggestionMade;
import io.sextant.platform.changes.SuggestionProvider;
import io.sextant.platform.changes.SuggestionService;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.CurrentRoles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** See {@link SuggestionService}. */
@Service
class SuggestionServiceImpl implements SuggestionService {

    private final List<SuggestionProvider> providers;
    private final ChangeRequestService changes;
    private final ChangeRequestServiceImpl board;
    private final MigrationLinter linter;
    private final DSLContext dsl;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    SuggestionServiceImpl(List<SuggestionProvider> providers, ChangeRequestServiceImpl changes, MigrationLinter linter, DSLContext dsl,
                          ApplicationEventPublisher events, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.providers = List.copyOf(providers);
        this.changes = changes;
        this.board = changes;
        this.linter = linter;
        this.dsl = dsl;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Suggestion suggest(String changeId, @Nullable String providerName) {
        String who = reader("changes.suggestion.suggest", changeId);
        ChangeRequest c = changes.find(changeId).orElseThrow(() -> ChangeRequestServiceImpl.notFound(changeId));
        String wanted = providerName == null ? "rules" : providerName;
        SuggestionProvider p = providers.stream().filter(x -> x.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new ChangeRefusedException("unknown-provider", "No suggestion provider '" + wanted + "'"));
        SuggestionProvider.SuggestedRewrite r = p.suggest(c.forwardSql(), linter.lint("change", c.forwardSql()))
                .orElseThrow(() -> new ChangeRefusedException("no-suggestion", "Provider " + p.name() + " has no safer rewrite"));
        Suggestion s = new Suggestion(UUID.randomUUID(), changeId, p.name(), r.forwardSql(), r.rationale(), clock.instant(), who, null,
                linter.lint("suggestion", r.forwardSql()));
        tx.executeWithoutResult(st -> {
            dsl.insertInto(CHANGE_SUGGESTION).set(CHANGE_SUGGESTION.SUGGESTION_ID, s.suggestionId()).set(CHANGE_SUGGESTION.CHANGE_ID, changeId)
                    .set(CHANGE_SUGGESTION.PROVIDER, s.provider()).set(CHANGE_SUGGESTION.SUGGESTED_SQL, s.suggestedSql())
                    .set(CHANGE_SUGGESTION.RATIONALE, s.rationale()).set(CHANGE_SUGGESTION.CREATED_AT, JooqChangeRepository.ts(s.createdAt()))
                    .set(CHANGE_SUGGESTION.CREATED_BY, who).execute();
            audit.append(AuditEntry.succeeded("changes.suggestion.made", "change", changeId,
                    Map.of("suggestion", s.suggestionId().toString(), "provider", s.provider(), "model", p.model(),
                            "output", s.suggestedSql(), "findings", String.valueOf(s.lint().findings().size()))));
            events.publishEvent(new SuggestionMade(s.suggestionId(), changeId, s.provider(), p.model(), s.suggestedSql(), s.rationale(),
                    who, s.createdAt()));
        });
        return s;
    }

    /**
     * One transaction: the original is rejected, the rewrite submitted in its place and linked to
     * the suggestion, or nothing happens. Its approval then needs someone other than the one who
     * accepted it (its author) and other than the original's author ({@code ApprovalServiceImpl}).
     */
    @Override
    public ChangeRequest accept(UUID suggestionId) {
        if (!Actors.isOperator()) {
            ChangeRefusedException e = new ChangeRefusedException("missing-role", "Accepting a suggestion needs the Operator or Security admin role");
            audit.appendRefusal(AuditEntry.refused("changes.suggestion.accept", "suggestion", suggestionId.toString(),
                    Map.of("reason", e.reason())));
            throw e;
        }
        return tx.execute(st -> {
            Suggestion s = suggestions(suggestionId).orElseThrow(() -> new ChangeRefusedException("unknown-suggestion", "No suggestion " + suggestionId));
            if (s.candidateChangeId() != null) {
                return changes.find(s.candidateChangeId()).orElseThrow();
            }
            ChangeRequest original = changes.find(s.changeId()).orElseThrow();
            changes.reject(original.changeId(), "superseded by suggested rewrite " + suggestionId);
            // the rewrite takes the original's place in the queue (and the version it would have applied as)
            ChangeRequest candidate = board.submit(new ChangeSubmission(original.targetId(), 0,
                    original.description() + " (safe rewrite from " + s.provider() + " suggestion " + suggestionId + ")", s.suggestedSql(), null),
                    changes.find(original.changeId()).orElseThrow());
            dsl.update(CHANGE_SUGGESTION).set(CHANGE_SUGGESTION.CANDIDATE_ID, candidate.changeId())
                    .where(CHANGE_SUGGESTION.SUGGESTION_ID.eq(suggestionId)).execute();
            audit.append(AuditEntry.succeeded("changes.suggestion.accept", "change", candidate.changeId(),
                    Map.of("suggestion", suggestionId.toString(), "original", original.changeId(), "originalAuthor", original.author())));
            return candidate;
        });
    }

    private java.util.Optional<Suggestion> suggestions(UUID id) {
        return tx.execute(st -> dsl.selectFrom(CHANGE_SUGGESTION).where(CHANGE_SUGGESTION.SUGGESTION_ID.eq(id)).fetchOptional(this::map));
    }

    @Override
    public List<Suggestion> suggestions(String changeId) {
        reader("changes.suggestion.list", changeId);
        return tx.execute(st -> dsl.selectFrom(CHANGE_SUGGESTION).where(CHANGE_SUGGESTION.CHANGE_ID.eq(changeId))
                .orderBy(CHANGE_SUGGESTION.CREATED_AT).fetch(this::map));
    }

    @Override
    public List<String> providers() {
        return providers.stream().map(SuggestionProvider::name).toList();
    }

    /** Suggestions carry a change's SQL: the same console roles as reading the change; refusals audited. */
    private String reader(String action, String changeId) {
        String who = Actors.current();
        if (!(Actors.isOperator() || CurrentRoles.has(ConsoleRole.COMPLIANCE) || CurrentRoles.has(ConsoleRole.SUPPORT))) {
            ChangeRefusedException e = new ChangeRefusedException("missing-role", "Suggestions need a console role");
            audit.appendRefusal(AuditEntry.refused(action, "change", changeId, Map.of("reason", e.reason(), "message", e.getMessage())));
            throw e;
        }
        return who;
    }

    private Suggestion map(io.sextant.jooq.ops.tables.records.ChangeSuggestionRecord r) {
        Instant at = r.getCreatedAt().toInstant();
        return new Suggestion(r.getSuggestionId(), r.getChangeId(), r.getProvider(), r.getSuggestedSql(), r.getRationale(), at,
                r.getCreatedBy(), r.getCandidateId(), linter.lint("suggestion", r.getSuggestedSql()));
    }
}
