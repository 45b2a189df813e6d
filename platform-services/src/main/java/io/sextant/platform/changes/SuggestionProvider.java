package io.sextant.platform.changes;

import java.util.Optional;

/**
 * Proposes a safer rewrite of a change. Implementations may be rule-based or call a language
 * model; either way the output is only a suggestion: it is logged, and enters the board only when
 * an operator accepts it, as an ordinary change request that passes every gate.
 */
public interface SuggestionProvider {

    /** Stable name, e.g. {@code rules} or {@code openai-compatible}. */
    String name();

    /** What produced the output, recorded with it: a model's name, or the rule engine's version. */
    String model();

    /** A rewrite, or empty when the provider has nothing safer to offer. */
    Optional<SuggestedRewrite> suggest(String forwardSql, LintReport lint);

    /** @param rationale one line per rewrite applied, for the reviewer */
    record SuggestedRewrite(String forwardSql, String rationale) {
    }
}
