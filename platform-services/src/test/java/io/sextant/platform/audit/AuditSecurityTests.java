package io.sextant.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

/** Reading the audit log, verifying and checkpointing need COMPLIANCE or SECURITY_ADMIN. */
@PlatformTest
class AuditSecurityTests {

    @Autowired
    AuditQuery query;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;

    @Test
    @WithMockUser(username = "olivia", roles = "OPERATOR")
    void operatorWithoutAuditRoleIsRefused() {
        assertThatThrownBy(() -> query.find(AuditFilter.all(), null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(verifier::verify).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(checkpoints::checkpoint).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void unauthenticatedCallerIsRefused() {
        assertThatThrownBy(() -> query.find(AuditFilter.all(), null, 10))
                .isInstanceOfAny(AuthenticationCredentialsNotFoundException.class, AccessDeniedException.class);
        assertThatThrownBy(verifier::verify)
                .isInstanceOfAny(AuthenticationCredentialsNotFoundException.class, AccessDeniedException.class);
        assertThatThrownBy(verifier::lastRun)
                .isInstanceOfAny(AuthenticationCredentialsNotFoundException.class, AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "sam", roles = "SECURITY_ADMIN")
    void securityAdminMayReadAndVerify() {
        assertThat(query.find(AuditFilter.all(), null, 10)).isNotNull();
        assertThat(verifier.verify()).isNotNull();
    }

    @Test
    @WithMockUser(username = "olivia", roles = "OPERATOR")
    void anySignedInOperatorSeesTheLastRun() {
        assertThat(verifier.lastRun()).isNotNull();
    }
}
