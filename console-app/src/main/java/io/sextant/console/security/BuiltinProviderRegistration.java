package io.sextant.console.security;

import io.sextant.platform.identity.IdentityProperties;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The console as an OIDC client of its own built-in provider. The endpoints are given
 * explicitly instead of discovered, because the provider is this very process and is not
 * serving yet while the context starts. (The registration is configuration, not security state:
 * the client's secret and its registration at the provider live in PostgreSQL.)
 * With {@code sextant.identity.provider=external}, Spring Boot builds the registration
 * {@code sextant} from {@code spring.security.oauth2.client.*} instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sextant.identity.provider", havingValue = "builtin", matchIfMissing = true)
class BuiltinProviderRegistration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(IdentityProperties properties) {
        String issuer = properties.issuer();
        String secret = properties.consoleClientSecret();
        if (issuer == null || secret == null) {
            throw new IllegalStateException("sextant.identity.issuer and sextant.identity.console-client-secret must be set "
                    + "for the built-in identity provider.");
        }
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("sextant")
                .clientName("Sextant")
                .clientId("sextant-console")
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.consoleBaseUrl().replaceAll("/+$", "") + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .userInfoUri(issuer + "/userinfo")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .build());
    }
}
