package io.sextant.platform.changes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One post-apply check. Fail closed: a check that could not run is ERROR, never "no findings".
 *
 * @param check    e.g. {@code rls-on-exposed-tables}, {@code foreign-keys-indexed}, {@code primary-keys}
 * @param findings one line per offending object
 * @param error    why the check could not run
 */
public record AdvisorResult(String check, Status status, List<String> findings, @Nullable String error) {

    public enum Status { PASSED, FINDINGS, ERROR }

    public AdvisorResult {
        findings = List.copyOf(findings);
    }
}
