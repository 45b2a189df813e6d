package io.sextant.platform.identity;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.identity.internal.IdentityConfiguration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients of {@code /api/v1}: OAuth2 client-credentials clients of the built-in
 * provider, acting with the console roles given at creation. The secret is shown once.
 */
@Service
public class ApiClientService {

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final IdentityProperties properties;

    ApiClientService(RegisteredClientRepository clients, PasswordEncoder passwords, AuditLog audit, IdentityProperties properties) {
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
    }

    public record ApiClientCredentials(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ApiClientCredentials[" + clientId + "]";
        }
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public ApiClientCredentials create(String name, Set<ConsoleRole> roles) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new IllegalArgumentException("A client needs a name of 1 to 80 characters.");
        }
        String clientId = "sxc-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = Secrets.random("sxs_");
        String roleList = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name.strip())
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("api")
                .clientSettings(ClientSettings.builder().setting(IdentityConfiguration.CLIENT_ROLES_SETTING, roleList).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build())
                .build());
        audit.append(AuditEntry.succeeded("identity.api-client.create", "api-client", clientId, Map.of("roles", roleList)));
        return new ApiClientCredentials(clientId, secret);
    }
}
