package io.sextant.platform.changes;

/** Receives progress of a long shadow run; called on the running thread, so keep it quick. */
@FunctionalInterface
public interface ShadowProgressListener {

    ShadowProgressListener NONE = (phase, done, total, message) -> { };

    /**
     * @param phase   e.g. {@code build}, {@code copy}, {@code apply}, {@code calibrate}, {@code rollback}
     * @param done    steps done in this phase
     * @param total   steps in this phase
     * @param message what is happening now
     */
    void progress(String phase, int done, int total, String message);
}
