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
 * Turns the identity provider's answer into a console user: its roles claim (name configurable)
 * becomes console roles. The built-in provider writes console role names into the claim itself.
 * An external provider's values count only through {@code sextant.identity.role-mapping}: a value
 * the mapping does not name grants nothing, even if it is spelled like a console role, because
 * whoever can name a group at the provider must not thereby choose a console role (D005).
 * Operators from an external provider are recorded on first login.
 */
@Component
class ConsoleOidcUserService extends OidcUserService {

    private final IdentityProperties properties;
    private final OperatorService operators;

    ConsoleOidcUserService(IdentityProperties properties, OperatorService operators) {
        this.properties = properties;
        this.operators = operators;
        properties.roleMappings().forEach((value, role) -> {
            if (ConsoleRole.parse(role).isEmpty()) {
                throw new IllegalStateException("sextant.identity.role-mapping." + value + " names no console role (\"" + role
                        + "\"); use one of OPERATOR, SUPPORT, COMPLIANCE, SECURITY_ADMIN");
            }
        });
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        roles(properties, user.getClaims().get(properties.claimForRoles()))
                .forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        String nameAttribute = user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
        if (!properties.builtin()) {
            String username = String.valueOf(user.getClaims().get(nameAttribute)).toLowerCase(java.util.Locale.ROOT);
            operators.recordExternalLogin(username, user.getFullName() == null ? username : user.getFullName(), user.getEmail());
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
    }

    /** The console roles a roles claim grants: role names from the built-in provider, mapped values only from an external one. */
    static Set<ConsoleRole> roles(IdentityProperties properties, Object claim) {
        Set<ConsoleRole> roles = new LinkedHashSet<>();
        for (String value : claimValues(claim)) {
            String role = properties.builtin() ? value : properties.roleMappings().get(value);
            if (role != null) {
                ConsoleRole.parse(role).ifPresent(roles::add);
            }
        }
        return roles;
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
