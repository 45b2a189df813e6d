package io.sextant.platform.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the JWTs {@code /api/v1} accepts: an access token of the built-in provider (header
 * {@code typ: at+jwt}, RFC 9068, which ID tokens never carry), signed by a published key, from the
 * provider's issuer, unexpired, naming the API as its audience, with a {@code jti} that has not been
 * revoked. A token without {@code jti} is refused because it could not be revoked.
 *
 * <p>Deliberately not a {@link JwtDecoder} bean: the provider's own endpoints (userinfo) verify the
 * console's login tokens with the general decoder, which must stay as it is. See D005.
 */
public final class ApiTokenDecoder {

    /** The JOSE header type of access tokens meant for the API (RFC 9068). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final NimbusJwtDecoder decoder;

    public ApiTokenDecoder(JWKSource<SecurityContext> keys, String issuer, String audience, TokenRevocationService revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(ACCESS_TOKEN_TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> forTheApi = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : failure("The token is not meant for this API (audience " + audience + ")");
        OAuth2TokenValidator<Jwt> revocable = jwt -> jwt.getId() == null || jwt.getId().isBlank()
                ? failure("The token has no id (jti) and could not be revoked")
                : revocations.isRevoked(jwt.getId()) ? failure("The token has been revoked") : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(issuer), forTheApi, revocable));
    }

    /** @throws JwtException when the token is not an API access token of the built-in provider, or is no longer valid */
    public Jwt decode(String token) {
        return decoder.decode(token);
    }

    /** The same checks as a {@link JwtDecoder}, for Spring Security's resource server (not to be registered as a bean). */
    public JwtDecoder asJwtDecoder() {
        return decoder;
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
