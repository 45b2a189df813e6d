package io.sextant.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.IdentityProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which console roles a roles claim grants; an external provider's values count only through the mapping. */
class RoleMappingTest {

    static IdentityProperties provider(String kind, Map<String, String> mapping) {
        return new IdentityProperties(kind, null, null, null, null, null, "groups", mapping, null, null, null, null, null, null);
    }

    @Test
    void externalGroupNamedLikeARoleGrantsNothingUnlessMapped() {
        IdentityProperties external = provider("external", Map.of("platform-ops", "OPERATOR"));
        assertThat(ConsoleOidcUserService.roles(external, List.of("SECURITY_ADMIN", "operator", "ROLE_COMPLIANCE", "support")))
                .isEmpty();
        assertThat(ConsoleOidcUserService.roles(external, List.of("platform-ops", "SECURITY_ADMIN")))
                .containsExactly(ConsoleRole.OPERATOR);
        assertThat(ConsoleOidcUserService.roles(external, "platform-ops marketing")).containsExactly(ConsoleRole.OPERATOR);
        assertThat(ConsoleOidcUserService.roles(external, null)).isEmpty();
    }

    @Test
    void builtinProviderClaimCarriesConsoleRoleNames() {
        IdentityProperties builtin = provider("builtin", Map.of());
        assertThat(ConsoleOidcUserService.roles(builtin, List.of("SECURITY_ADMIN", "OPERATOR", "nonsense")))
                .containsExactly(ConsoleRole.SECURITY_ADMIN, ConsoleRole.OPERATOR);
    }

    @Test
    void mappingToNoConsoleRoleStopsStartUpNamingTheEntry() {
        assertThatThrownBy(() -> new ConsoleOidcUserService(provider("external", Map.of("platform-ops", "OPERATR")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sextant.identity.role-mapping.platform-ops").hasMessageContaining("OPERATR");
    }
}
