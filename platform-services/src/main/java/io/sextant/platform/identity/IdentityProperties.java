package io.sextant.platform.identity;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity capability ({@code sextant.identity.*}).
 *
 * @param provider           {@code builtin} (the in-process identity provider) or {@code external}
 *                           (any OIDC provider configured under {@code spring.security.oauth2.client})
 * @param issuer             the built-in provider's issuer URL; defaults to http://127.0.0.1:{port}
 * @param consoleBaseUrl     where operators reach the console; defaults to http://localhost:{port}
 * @param consoleClientSecret the console's client secret at the built-in provider
 * @param accessTokenTtl     lifetime of access and id tokens
 * @param keyPublishLead     how long a new signing key is published before it signs
 * @param roleClaim          the claim that carries roles in tokens of an external provider
 * @param roleMapping        external role value -> console role name; a value not listed grants nothing
 * @param apiAudience        the audience every {@code /api/v1} token must name (default {@code sextant-api})
 * @param maxFailuresPerUser failed logins per user within {@code failureWindow} before refusal
 * @param maxFailuresPerClient failed logins per client address within {@code failureWindow}
 * @param sessionIdleTimeout a console session without requests ends after this long
 * @param sessionAbsoluteTimeout a console session ends this long after login, active or not
 */
@ConfigurationProperties("sextant.identity")
public record IdentityProperties(
        @Nullable String provider,
        @Nullable String issuer,
        @Nullable String consoleBaseUrl,
        @Nullable String consoleClientSecret,
        @Nullable Duration accessTokenTtl,
        @Nullable Duration keyPublishLead,
        @Nullable String roleClaim,
        @Nullable Map<String, String> roleMapping,
        @Nullable Integer maxFailuresPerUser,
        @Nullable Integer maxFailuresPerClient,
        @Nullable Duration failureWindow,
        @Nullable Duration sessionIdleTimeout,
        @Nullable Duration sessionAbsoluteTimeout,
        @Nullable String apiAudience) {

    /** The default audience of the console's REST API. */
    public static final String DEFAULT_API_AUDIENCE = "sextant-api";

    public boolean builtin() {
        return provider == null || provider.isBlank() || "builtin".equalsIgnoreCase(provider);
    }

    public Duration tokenTtl() {
        return accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
    }

    public Duration publishLead() {
        return keyPublishLead == null ? Duration.ofMinutes(10) : keyPublishLead;
    }

    public String claimForRoles() {
        return roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
    }

    public Map<String, String> roleMappings() {
        return roleMapping == null ? Map.of() : roleMapping;
    }

    public int userFailureLimit() {
        return maxFailuresPerUser == null ? 5 : maxFailuresPerUser;
    }

    public int clientFailureLimit() {
        return maxFailuresPerClient == null ? 20 : maxFailuresPerClient;
    }

    public Duration failureWindowOrDefault() {
        return failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
    }

    public Duration idleTimeout() {
        return sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
    }

    public String apiAudienceOrDefault() {
        return apiAudience == null || apiAudience.isBlank() ? DEFAULT_API_AUDIENCE : apiAudience;
    }

    public Duration absoluteTimeout() {
        return sessionAbsoluteTimeout == null ? Duration.ofHours(12) : sessionAbsoluteTimeout;
    }
}
