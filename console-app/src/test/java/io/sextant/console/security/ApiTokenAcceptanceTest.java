package io.sextant.console.security;

import static io.sextant.console.security.SecurityHttp.api;
import static io.sextant.console.security.SecurityHttp.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.platform.identity.ApiClientService;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.SigningKeyService;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/v1} takes only access tokens meant for it: typed {@code at+jwt}, addressed to the API,
 * carrying a {@code jti}. Tokens below are signed with the provider's real active key, so the
 * signature is never the reason for a refusal.
 */
@ConsoleTest
class ApiTokenAcceptanceTest {

    @Autowired
    SigningKeyService keys;

    @Autowired
    ApiClientService apiClients;

    @Test
    void clientCredentialsTokenIsTypedAndAddressedToTheApi() throws ParseException {
        var client = as("test-admin", () -> apiClients.create("acceptance typed", Set.of(ConsoleRole.SUPPORT)), ConsoleRole.SECURITY_ADMIN);
        SignedJWT token = SignedJWT.parse(SecurityHttp.clientCredentialsToken(client.clientId(), client.clientSecret()));
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("sextant-api");
        assertThat(token.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void wellFormedApiTokenSignedByTheProviderIsAccepted() {
        assertThat(api("/api/v1/me", sign("at+jwt", c -> c)).statusCode()).as("the control: every refusal below changes one thing").isEqualTo(200);
    }

    @Test
    void idTokenIsRefusedEvenWithTheApiAudience() {
        UnaryOperator<JWTClaimsSet.Builder> idToken = c -> c.audience("sextant-console").claim("nonce", "n-0S6_WzA2Mj")
                .claim("auth_time", new Date()).claim("azp", "sextant-console");
        assertThat(api("/api/v1/me", sign("JWT", idToken)).statusCode()).isEqualTo(401);
        assertThat(api("/api/v1/me", sign(null, idToken)).statusCode()).isEqualTo(401);
        assertThat(api("/api/v1/me", sign("JWT", c -> c)).statusCode()).as("an ID token's type alone is refused").isEqualTo(401);
    }

    @Test
    void accessTokenForAnotherAudienceIsRefused() {
        assertThat(api("/api/v1/me", sign("at+jwt", c -> c.audience("sextant-console"))).statusCode()).isEqualTo(401);
        assertThat(api("/api/v1/me", sign("at+jwt", c -> c.audience((List<String>) null))).statusCode()).isEqualTo(401);
    }

    @Test
    void accessTokenWithoutJtiIsRefused() {
        assertThat(api("/api/v1/me", sign("at+jwt", c -> c.jwtID(null))).statusCode()).isEqualTo(401);
    }

    /** A token of the built-in provider, signed with its active key: an API token for a security admin, changed by {@code change}. */
    String sign(String type, UnaryOperator<JWTClaimsSet.Builder> change) {
        String kid = keys.activeKeyId().orElseThrow();
        RSAKey key = (RSAKey) keys.jwkSet().getKeyByKeyId(kid);
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TestPort.issuer())
                .subject("forged-admin")
                .audience("sextant-api")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("SECURITY_ADMIN"));
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
