package io.sextant.platform.changes.internal;

import tools.jackson.databind.json.JsonMapper;

/** Reports and snapshots are stored as jsonb: the records are the schema. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
