package io.sextant.console.api;

import io.sextant.platform.audit.AuditFilter;
import io.sextant.platform.audit.AuditPage;
import io.sextant.platform.audit.AuditQuery;
import io.sextant.platform.audit.AuditVerifier;
import io.sextant.platform.audit.VerificationReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit}: the audit log and its verification for scripts. The audit services decide
 * who may (role {@code COMPLIANCE} or {@code SECURITY_ADMIN}); anyone else is answered 403 and
 * the refusal is recorded in the audit log.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditQuery query;
    private final AuditVerifier verifier;

    AuditApi(AuditQuery query, AuditVerifier verifier) {
        this.query = query;
        this.verifier = verifier;
    }

    @GetMapping("/events")
    AuditPage events(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Long beforeSeq, @RequestParam(defaultValue = "50") int limit) {
        return query.find(new AuditFilter(actor, action, null, null), beforeSeq, limit);
    }

    @PostMapping("/verify")
    VerificationReport verify() {
        return verifier.verify();
    }
}
