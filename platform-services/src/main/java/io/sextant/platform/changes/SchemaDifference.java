package io.sextant.platform.changes;

import org.jspecify.annotations.Nullable;

/**
 * One object that differs between two snapshots.
 *
 * @param key    the object's key
 * @param kind   ADDED: only in the later snapshot; REMOVED: only in the earlier; CHANGED: DDL differs
 * @param before its DDL in the earlier snapshot
 * @param after  its DDL in the later snapshot
 */
public record SchemaDifference(String key, Kind kind, @Nullable String before, @Nullable String after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One readable line, e.g. {@code CHANGED table:app.t: create table … -> create table …}. */
    public String describe() {
        return kind + " " + key + (before != null ? "\n  before: " + before : "") + (after != null ? "\n  after:  " + after : "");
    }
}
