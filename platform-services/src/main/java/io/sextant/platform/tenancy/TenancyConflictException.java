package io.sextant.platform.tenancy;

import java.util.List;

/**
 * A request that cannot be carried out as asked, with one actionable reason per problem (e.g.
 * "Plan Pro does not allow health data: choose Enterprise or drop health data").
 */
public class TenancyConflictException extends RuntimeException {

    private final List<String> reasons;

    public TenancyConflictException(List<String> reasons) {
        super(String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public TenancyConflictException(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
