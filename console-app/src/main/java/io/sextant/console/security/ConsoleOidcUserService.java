package io.sextant.console.security;

import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.IdentityProperties;
import io.sextant.platform.identity.OperatorService;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns the identity provider's answer into a console user: its roles claim (name configurable,
 * values mapped by {@code sextant.identity.role-mapping}) becomes console roles; values that map
 * to no console role grant nothing. Operators from an external provider are recorded on first login.
 */
@Component
class ConsoleOidcUserService extends OidcUserService {

    private final IdentityProperties properties;
    private final OperatorService operators;

    ConsoleOidcUserService(IdentityProperties properties, OperatorService operators) {
        this.properties = properties;
        this.operators = operators;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : claimValues(user.getClaims().get(properties.claimForRoles()))) {
            String mapped = properties.roleMappings().getOrDefault(value, value);
            ConsoleRole.parse(mapped).ifPresent(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        }
        String nameAttribute = user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
        if (!properties.builtin()) {
            String username = String.valueOf(user.getClaims().get(nameAttribute)).toLowerCase(java.util.Locale.ROOT);
            operators.recordExternalLogin(username, user.getFullName() == null ? username : user.getFullName(), user.getEmail());
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
    }

    static Collection<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return java.util.Arrays.stream(s.split("[,\\s]+")).toList();
        }
        return java.util.List.of();
    }
}
