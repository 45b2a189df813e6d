package io.sextant.platform.changes;

import io.sextant.platform.changes.internal.ContentHash;

/** Test access to the content hash. */
final class ContentHashes {

    private ContentHashes() {
    }

    static String of(String sql) {
        return ContentHash.of(sql, null);
    }
}
