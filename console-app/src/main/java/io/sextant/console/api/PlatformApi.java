package io.sextant.console.api;

import io.sextant.platform.status.PlatformStatus;
import io.sextant.platform.status.PlatformStatusService;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1}: who am I, and the platform's state. Every call carries a bearer token. */
@RestController
@RequestMapping("/api/v1")
class PlatformApi {

    private final PlatformStatusService status;

    PlatformApi(PlatformStatusService status) {
        this.status = status;
    }

    record Me(String name, List<String> roles) {
    }

    @GetMapping("/me")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
    }

    @GetMapping("/platform/status")
    PlatformStatus status() {
        return status.status();
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "up");
    }
}
