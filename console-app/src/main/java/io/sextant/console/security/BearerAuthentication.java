package io.sextant.console.security;

import io.sextant.platform.identity.PersonalAccessTokenService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Authenticates {@code /api/v1} bearer tokens: personal access tokens ({@code sxp_…}) against
 * their stored hashes, anything else as an API access token of the built-in provider (type,
 * key, issuer, audience, expiry, {@code jti} and revocation: {@code ApiTokenDecoder}). Console roles come from the token's {@code roles} claim or the token owner.
 */
final class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

    private final AuthenticationManager manager;

    BearerAuthentication(JwtDecoder decoder, PersonalAccessTokenService pats) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
        jwt.setJwtAuthenticationConverter(converter);
        this.manager = authentication -> {
            if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
                return null;
            }
            if (bearer.getToken().startsWith(PersonalAccessTokenService.PREFIX)) {
                var owner = pats.authenticate(bearer.getToken())
                        .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired personal access token"));
                List<SimpleGrantedAuthority> authorities = owner.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
                return UsernamePasswordAuthenticationToken.authenticated(owner.username(), null, authorities);
            }
            return jwt.authenticate(authentication);
        };
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return manager;
    }
}
