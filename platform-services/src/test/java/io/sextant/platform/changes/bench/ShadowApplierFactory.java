package io.sextant.platform.changes.bench;

import io.sextant.platform.changes.ChangeTargets;
import io.sextant.platform.changes.MigrationLinter;
import io.sextant.platform.changes.ShadowApplier;

/** Builds the shadow applier without Spring, for the benchmark. */
final class ShadowApplierFactory {

    private ShadowApplierFactory() {
    }

    /** Also signs the calling thread in as an operator: the shadow applier checks roles. */
    static ShadowApplier create(ChangeTargets targets, MigrationLinter linter, io.sextant.platform.changes.internal.ShadowServers servers) {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("bench", "n/a",
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        return io.sextant.platform.changes.internal.BenchAccess.shadowApplier(targets, linter, servers);
    }
}
