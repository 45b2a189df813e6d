package io.sextant.platform.authz.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Canonical JSON (sorted keys, the trace value model) for the rest of the module. */
public final class JsonBridge {

    private JsonBridge() {
    }

    public static String canonical(@Nullable Object value) {
        return TraceJson.canonical(value);
    }

    public static Map<String, Object> parseObject(String json) {
        return TraceJson.parseObject(json);
    }
}
