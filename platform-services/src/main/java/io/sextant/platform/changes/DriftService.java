package io.sextant.platform.changes;

/** Schema drift: what changed on a target outside the board since its last applied change. */
public interface DriftService {

    /**
     * Needs OPERATOR, SECURITY_ADMIN or COMPLIANCE (a read-only look at the target's catalogs).
     *
     * @throws UnknownTargetException if the target is unknown
     * @throws ChangeRefusedException {@code missing-role} (audited)
     */
    DriftReport drift(String targetId);
}
