package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.SchemaObject;
import io.sextant.platform.changes.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A hash of a target's live schema as the board's catalog reader sees it (every object's key and
 * DDL, in key order; no data, no sequence positions). Recorded with each check and compared again
 * before apply: a check describes the schema it ran against, so a change whose target moved since
 * is checked again before it applies (D008).
 */
final class SchemaFingerprint {

    private SchemaFingerprint() {
    }

    static String of(SchemaSnapshot snapshot) {
        StringBuilder s = new StringBuilder();
        for (SchemaObject o : snapshot.objects().values()) {
            s.append(o.key()).append('\n').append(o.ddl()).append("\n\u0000\n");
        }
        return ContentHash.sha256(s.toString());
    }

    static String live(ChangeTarget target) throws SQLException {
        try (Connection live = LiveSession.open(target.endpoint())) {
            return of(SchemaSnapshot.read(live, target.schemas()));
        }
    }
}
