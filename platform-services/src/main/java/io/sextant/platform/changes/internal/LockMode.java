package io.sextant.platform.changes.internal;

/** PostgreSQL's table-level lock modes, weakest first (docs: "Explicit Locking", table 13.2). */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE;

    public String label() {
        return name().replace('_', ' ');
    }

    public String on(String relation) {
        return label() + " on " + relation;
    }

    public LockMode max(LockMode other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
