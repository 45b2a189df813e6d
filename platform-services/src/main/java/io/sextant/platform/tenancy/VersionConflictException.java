package io.sextant.platform.tenancy;

/** An edit based on a stale version: someone else changed the record first. Nothing was overwritten. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(String what) {
        super(what + " was changed by someone else meanwhile. Reload it and apply your edit again; nothing was lost.");
    }
}
