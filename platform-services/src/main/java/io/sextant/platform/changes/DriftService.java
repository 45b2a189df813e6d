package io.sextant.platform.changes;

/** Schema drift: what changed on a target outside the board since its last applied change. */
public interface DriftService {

    /** @throws UnknownTargetException if the target is unknown */
    DriftReport drift(String targetId);
}
