package io.sextant.platform.changes;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "Suggest a safe rewrite". Nothing a provider writes is applied or even submitted by itself:
 * {@link #suggest} logs it (event + row); {@link #accept} by an operator supersedes the original
 * (rejected with a pointer) and submits the rewrite as an ordinary change with the same version.
 */
public interface SuggestionService {

    /**
     * @param provider a provider name, or null for the rule-based default
     * @throws ChangeRefusedException {@code no-suggestion} when the provider has nothing safer;
     *         {@code missing-role} (audited) without a console role
     */
    Suggestion suggest(String changeId, @Nullable String provider);

    /** Submits the suggestion as a change request (which then needs checks and approval like any other). */
    ChangeRequest accept(UUID suggestionId);

    /** @throws ChangeRefusedException {@code missing-role} (audited) without a console role */
    List<Suggestion> suggestions(String changeId);

    /** Names of the configured providers; the rule-based {@code rules} is always there. */
    List<String> providers();
}
