package io.sextant.console.security;

import com.nimbusds.jwt.SignedJWT;
import io.sextant.platform.identity.TokenRevocationService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After the provider's revocation endpoint accepted a revocation, records the token's id in the
 * durable revocation list that {@code /api/v1} checks, so a revoked access token is refused at
 * once rather than when it expires.
 */
final class RevocationRecorder implements AuthenticationSuccessHandler {

    private final TokenRevocationService revocations;

    RevocationRecorder(TokenRevocationService revocations) {
        this.revocations = revocations;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication instanceof OAuth2TokenRevocationAuthenticationToken revoked) {
            try {
                var claims = SignedJWT.parse(revoked.getToken()).getJWTClaimsSet();
                Date exp = claims.getExpirationTime();
                if (claims.getJWTID() != null) {
                    revocations.revokeFromEndpoint(claims.getJWTID(), claims.getSubject(),
                            exp == null ? Instant.now().plusSeconds(86_400) : exp.toInstant());
                }
            } catch (ParseException notAJwt) {
                // refresh tokens are opaque: the provider's own store already invalidated them
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
