package io.sextant.platform.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one canonical text of a JSON value, so that details hash the same before storage and after
 * PostgreSQL's jsonb has reordered them: object keys sorted by {@link String#compareTo} (UTF-16
 * code units), no whitespace, strings escaped only for {@code "}, {@code \} and control characters
 * (as {@code \}{@code u00XX}), numbers, booleans and null as JSON writes them.
 */
final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private CanonicalJson() {
    }

    static String of(Map<String, String> details) {
        StringBuilder out = new StringBuilder("{");
        details.keySet().stream().sorted().forEach(key -> {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, key);
            out.append(':');
            string(out, details.get(key));
        });
        return out.append('}').toString();
    }

    /** Re-canonicalises stored JSON text (e.g. jsonb as PostgreSQL returns it). */
    static String of(String json) {
        StringBuilder out = new StringBuilder();
        write(out, MAPPER.readTree(json));
        return out.toString();
    }

    /** Stored details back as a map; non-string values (only possible after tampering) as their JSON text. */
    static Map<String, String> toMap(String json) {
        JsonNode node = MAPPER.readTree(json);
        Map<String, String> map = new java.util.TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString()));
        return map;
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(out, entries.get(i).getKey());
                out.append(':');
                write(out, entries.get(i).getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            int i = 0;
            for (JsonNode value : node.values()) {
                out.append(i++ == 0 ? "" : ",");
                write(out, value);
            }
            out.append(']');
        } else if (node.isString()) {
            string(out, node.stringValue());
        } else {
            out.append(node.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
