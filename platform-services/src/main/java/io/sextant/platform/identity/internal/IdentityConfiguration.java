package io.sextant.platform.identity.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.sextant.platform.identity.ApiTokenDecoder;
import io.sextant.platform.identity.IdentityProperties;
import io.sextant.platform.identity.OperatorService;
import io.sextant.platform.identity.SigningKeyService;
import io.sextant.platform.identity.TokenRevocationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The built-in identity provider's durable parts: clients, authorizations and consents in
 * PostgreSQL (Spring Authorization Server's JDBC stores), keys from {@link SigningKeyService},
 * and the decoder that {@code /api/v1} trusts: signature by a published key, issuer, expiry and
 * revocation are all checked.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableScheduling
public class IdentityConfiguration {

    /** Client setting that lists the console roles a client-credentials client acts with. */
    public static final String CLIENT_ROLES_SETTING = "sextant.roles";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyService keys) {
        return (selector, context) -> selector.select(keys.jwkSet());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(issuer(properties)).build();
    }

    static String issuer(IdentityProperties properties) {
        return properties.issuer() == null || properties.issuer().isBlank() ? "http://127.0.0.1:8080" : properties.issuer();
    }

    /**
     * Names the signing key in every token (required while two keys are published) and adds console
     * roles. Client-credentials access tokens are the API's: typed {@code at+jwt} and addressed to
     * the API's audience, which no other token of the provider (ID tokens, the console's own login
     * tokens) carries.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(SigningKeyService keys, OperatorService operators,
            IdentityProperties properties) {
        return context -> {
            keys.activeKeyId().ifPresent(kid -> context.getJwsHeader().keyId(kid));
            List<String> roles = new ArrayList<>();
            boolean clientCredentials = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            if (clientCredentials && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getJwsHeader().type(ApiTokenDecoder.ACCESS_TOKEN_TYPE);
                // a mutable list: the claims are stored with the authorization as JSON, and the JDBC
                // store's type validator refuses to read back the JDK's immutable lists
                context.getClaims().audience(new ArrayList<>(List.of(properties.apiAudienceOrDefault())));
            }
            if (clientCredentials) {
                Object configured = context.getRegisteredClient().getClientSettings().getSetting(CLIENT_ROLES_SETTING);
                if (configured instanceof String s && !s.isBlank()) {
                    roles.addAll(List.of(s.split(",")));
                }
            } else {
                operators.rolesOf(context.getPrincipal().getName()).forEach(r -> roles.add(r.name()));
            }
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim("roles", roles);
            }
            if (idToken) {
                context.getClaims().claim("preferred_username", context.getPrincipal().getName());
                operators.displayName(context.getPrincipal().getName()).ifPresent(n -> context.getClaims().claim("name", n));
            }
        };
    }

    /** What {@code /api/v1} accepts; see {@link ApiTokenDecoder}. */
    @Bean
    ApiTokenDecoder apiTokenDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties,
            TokenRevocationService revocations) {
        return new ApiTokenDecoder(jwkSource, issuer(properties), properties.apiAudienceOrDefault(), revocations);
    }

    /**
     * Verifies tokens of the built-in provider at its own endpoints (userinfo, with the console's
     * login access token). A retired key is no longer published, so its tokens fail here.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties, TokenRevocationService revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), jwkSource));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> jwt.getId() != null && revocations.isRevoked(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has been revoked", null))
                : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(issuer(properties)), notRevoked));
        return decoder;
    }
}
