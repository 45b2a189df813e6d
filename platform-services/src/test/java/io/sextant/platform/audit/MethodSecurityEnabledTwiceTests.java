package io.sextant.platform.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The audit module enables method security itself; the console may enable it again (as here,
 * with JSR-250 too) without breaking the context or switching the audit checks off.
 */
@PlatformTest
class MethodSecurityEnabledTwiceTests {

    @TestConfiguration
    @EnableMethodSecurity(jsr250Enabled = true)
    static class ConsoleLikeSecurity {
    }

    @Autowired
    AuditQuery query;

    @Test
    @WithMockUser(roles = "OPERATOR")
    void auditChecksStillApply() {
        assertThatThrownBy(() -> query.find(AuditFilter.all(), null, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
