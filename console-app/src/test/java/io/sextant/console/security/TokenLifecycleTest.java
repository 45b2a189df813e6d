package io.sextant.console.security;

import static io.sextant.console.security.SecurityHttp.api;
import static io.sextant.console.security.SecurityHttp.as;
import static io.sextant.console.security.SecurityHttp.clientCredentialsToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.sextant.console.ConsoleTest;
import io.sextant.console.MutableClock;
import io.sextant.console.TestPort;
import io.sextant.platform.identity.ApiClientService;
import io.sextant.platform.identity.ApiClientService.ApiClientCredentials;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.IdentityProperties;
import io.sextant.platform.identity.PersonalAccessTokenService;
import io.sextant.platform.identity.SigningKeyInfo;
import io.sextant.platform.identity.SigningKeyService;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Real tokens over real HTTP: client credentials, revocation, key rotation and personal access tokens. */
@ConsoleTest
class TokenLifecycleTest {

    @Autowired
    ApiClientService apiClients;

    @Autowired
    SigningKeyService keys;

    @Autowired
    PersonalAccessTokenService pats;

    @Autowired
    IdentityProperties identity;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    ApiClientCredentials newClient(String name, ConsoleRole... roles) {
        return as("test-admin", () -> apiClients.create(name, Set.of(roles)), ConsoleRole.SECURITY_ADMIN);
    }

    @Test
    void clientCredentialsTokenReachesTheApiWithTheClientsRolesAndNothingElseDoes() {
        ApiClientCredentials client = newClient("lifecycle reader", ConsoleRole.SUPPORT, ConsoleRole.OPERATOR);
        String token = clientCredentialsToken(client.clientId(), client.clientSecret());

        var me = api("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(SecurityHttp.json(me)).containsEntry("name", client.clientId());
        assertThat(SecurityHttp.roles(me)).containsExactly("OPERATOR", "SUPPORT");

        assertThat(api("/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(api("/api/v1/me", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(api("/api/v1/me", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").statusCode()).isEqualTo(401);
        String forgedSignature = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(api("/api/v1/me", forgedSignature).statusCode()).isEqualTo(401);
    }

    @Test
    void revokedAccessTokenIsRefusedAtOnceAndItsIdIsRecorded() throws ParseException {
        ApiClientCredentials client = newClient("lifecycle revoker", ConsoleRole.SUPPORT);
        String token = clientCredentialsToken(client.clientId(), client.clientSecret());
        assertThat(api("/api/v1/me", token).statusCode()).isEqualTo(200);

        var revoked = SecurityHttp.postForm(TestPort.issuer() + "/oauth2/revoke",
                Map.of("token", token, "token_type_hint", "access_token"), "Authorization", SecurityHttp.basic(client.clientId(), client.clientSecret()));
        assertThat(revoked.statusCode()).isEqualTo(200);

        assertThat(api("/api/v1/me", token).statusCode()).isEqualTo(401);
        String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        assertThat(jdbc.queryForObject("select count(*) from security.revoked_token where jti = ?", Integer.class, jti)).isEqualTo(1);
        String another = clientCredentialsToken(client.clientId(), client.clientSecret());
        assertThat(api("/api/v1/me", another).statusCode()).as("only the revoked token is refused").isEqualTo(200);
    }

    @Test
    void rotatedKeyIsPublishedBeforeItSignsAndTheOldKeyVerifiesUntilItIsRetired() throws ParseException {
        keys.advance();
        String oldKid = keys.activeKeyId().orElseThrow();
        ApiClientCredentials client = newClient("lifecycle rotation", ConsoleRole.SUPPORT);
        String oldToken = clientCredentialsToken(client.clientId(), client.clientSecret());
        assertThat(kid(oldToken)).isEqualTo(oldKid);

        SigningKeyInfo next = as("test-admin", keys::rotate, ConsoleRole.SECURITY_ADMIN);
        assertThat(jwksKids()).containsExactlyInAnyOrder(oldKid, next.kid());
        assertThat(kid(clientCredentialsToken(client.clientId(), client.clientSecret()))).as("published, not signing yet").isEqualTo(oldKid);
        assertThat(api("/api/v1/me", oldToken).statusCode()).isEqualTo(200);

        clock.advance(identity.publishLead().plusSeconds(1));
        keys.advance();
        String newToken = clientCredentialsToken(client.clientId(), client.clientSecret());
        assertThat(kid(newToken)).isEqualTo(next.kid());
        assertThat(jwksKids()).containsExactlyInAnyOrder(oldKid, next.kid());
        assertThat(api("/api/v1/me", newToken).statusCode()).isEqualTo(200);
        assertThat(api("/api/v1/me", oldToken).statusCode()).as("token of the retiring key").isEqualTo(200);

        clock.advance(identity.tokenTtl().plusSeconds(1));
        keys.advance();
        assertThat(jwksKids()).containsExactly(next.kid());
        assertThat(api("/api/v1/me", oldToken).statusCode()).as("token of the retired key").isEqualTo(401);
        assertThat(api("/api/v1/me", newToken).statusCode()).isEqualTo(200);
    }

    @Test
    void personalAccessTokenActsWithItsOwnersRolesUntilRevokedOrExpired() {
        var token = as("support", () -> pats.create("lifecycle script", Duration.ofDays(1)), ConsoleRole.SUPPORT);
        var me = api("/api/v1/me", token.secret());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(SecurityHttp.json(me)).containsEntry("name", "support");
        assertThat(SecurityHttp.roles(me)).containsExactly("SUPPORT");

        as("support", () -> {
            pats.revoke(token.tokenId());
            return null;
        }, ConsoleRole.SUPPORT);
        assertThat(api("/api/v1/me", token.secret()).statusCode()).isEqualTo(401);

        var expiring = as("support", () -> pats.create("lifecycle short", Duration.ofDays(1)), ConsoleRole.SUPPORT);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(api("/api/v1/me", expiring.secret()).statusCode()).isEqualTo(401);
        clock.reset();
        assertThat(api("/api/v1/me", expiring.secret()).statusCode()).as("refused only because it expired").isEqualTo(200);
        assertThat(api("/api/v1/me", "sxp_" + "x".repeat(43)).statusCode()).isEqualTo(401);
    }

    static String kid(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    @SuppressWarnings("unchecked")
    static List<String> jwksKids() {
        var jwks = SecurityHttp.get(TestPort.issuer() + "/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        return ((List<Map<String, Object>>) SecurityHttp.json(jwks).get("keys")).stream().map(k -> (String) k.get("kid")).toList();
    }
}
