package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.SuggestionProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an OpenAI-compatible chat endpoint (OpenAI, Ollama, vLLM, …) for a rewrite. Disabled unless
 * {@code sextant.changes.suggestions.openai.enabled=true}; never called in tests. Its answer is a
 * suggestion like any other: logged, and only submitted when an operator accepts it.
 */
@Component
@ConditionalOnProperty(name = "sextant.changes.suggestions.openai.enabled", havingValue = "true")
class OpenAiCompatibleSuggestionProvider implements SuggestionProvider {

    private static final String PROMPT = "You rewrite PostgreSQL migrations to take weaker locks for shorter times without "
            + "changing their effect. Answer with SQL only, no prose, no code fences.";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String model;
    private final String apiKey;

    OpenAiCompatibleSuggestionProvider(@Value("${sextant.changes.suggestions.openai.base-url}") String baseUrl,
                                       @Value("${sextant.changes.suggestions.openai.model}") String model,
                                       @Value("${sextant.changes.suggestions.openai.api-key:}") String apiKey) {
        this.endpoint = URI.create(baseUrl.replaceAll("/$", "") + "/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String name() {
        return "openai-compatible";
    }

    @Override
    public Optional<SuggestedRewrite> suggest(String forwardSql, LintReport lint) {
        String findings = String.join("\n", lint.findings().stream().map(f -> f.ruleId() + ": " + f.why()).toList());
        String body = JsonMapper.shared().writeValueAsString(Map.of("model", model, "temperature", 0, "messages", List.of(
                Map.of("role", "system", "content", PROMPT),
                Map.of("role", "user", "content", "Migration:\n" + forwardSql + "\n\nLint findings:\n" + findings))));
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (!apiKey.isBlank()) {
            req.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new IllegalStateException("suggestion endpoint answered HTTP " + res.statusCode());
            }
            JsonNode content = JsonMapper.shared().readTree(res.body()).path("choices").path(0).path("message").path("content");
            String sql = content.asString("").strip();
            return sql.isEmpty() ? Optional.empty() : Optional.of(new SuggestedRewrite(sql, "suggested by model " + model));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("suggestion endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
