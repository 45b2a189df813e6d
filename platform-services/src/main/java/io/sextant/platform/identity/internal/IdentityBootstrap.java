package io.sextant.platform.identity.internal;

import io.sextant.platform.identity.FirstAdministratorSetup;
import io.sextant.platform.identity.IdentityProperties;
import io.sextant.platform.identity.SigningKeyService;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * At start-up: a signing key exists, the console is registered as a client of the built-in
 * provider (redirect URIs and secret brought up to date with the configuration), and an
 * installation without operators gets its one-time setup code.
 */
@Component
class IdentityBootstrap implements ApplicationRunner {

    static final String CONSOLE_CLIENT_ID = "sextant-console";

    private final SigningKeyService keys;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final FirstAdministratorSetup setup;

    IdentityBootstrap(SigningKeyService keys, RegisteredClientRepository clients, PasswordEncoder passwords,
            IdentityProperties properties, FirstAdministratorSetup setup) {
        this.keys = keys;
        this.clients = clients;
        this.passwords = passwords;
        this.properties = properties;
        this.setup = setup;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensureSigningKey();
        if (properties.builtin() && properties.consoleBaseUrl() != null) {
            registerConsoleClient();
        }
        setup.prepareIfNeeded();
    }

    private void registerConsoleClient() {
        String secret = properties.consoleClientSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("sextant.identity.console-client-secret is not set: the console cannot sign in "
                    + "at the built-in identity provider. Set it (any long random value) when using an external database.");
        }
        String base = properties.consoleBaseUrl().replaceAll("/+$", "");
        RegisteredClient existing = clients.findByClientId(CONSOLE_CLIENT_ID);
        RegisteredClient.Builder b = existing == null
                ? RegisteredClient.withId(UUID.randomUUID().toString()).clientId(CONSOLE_CLIENT_ID)
                : RegisteredClient.from(existing);
        if (existing != null && passwords.matches(secret, existing.getClientSecret())
                && existing.getRedirectUris().contains(base + "/login/oauth2/code/sextant")
                && existing.getTokenSettings().getAccessTokenTimeToLive().equals(properties.tokenTtl())) {
            return;
        }
        RegisteredClient client = b.clientName("Sextant console")
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethods(m -> {
                    m.clear();
                    m.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                })
                .authorizationGrantTypes(g -> {
                    g.clear();
                    g.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                })
                .redirectUris(u -> {
                    u.clear();
                    u.add(base + "/login/oauth2/code/sextant");
                })
                .postLogoutRedirectUris(u -> {
                    u.clear();
                    u.add(base + "/");
                })
                .scopes(s -> {
                    s.clear();
                    s.add(OidcScopes.OPENID);
                    s.add(OidcScopes.PROFILE);
                })
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenTtl())
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        clients.save(client);
    }
}
