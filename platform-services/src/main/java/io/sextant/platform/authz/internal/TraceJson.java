package io.sextant.platform.authz.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON text of a trace's values: the same value always gives the same text, before
 * it is stored and after PostgreSQL's {@code jsonb} has reordered and re-spaced it.
 *
 * <ul>
 * <li>objects: keys sorted by {@link String#compareTo} (UTF-16 code units), no whitespace;</li>
 * <li>strings: escaped only for {@code "}, {@code \} and control characters ({@code \}{@code u00XX});
 *     other characters as they are (UTF-8 when hashed);</li>
 * <li>numbers in plain decimal notation, never an exponent: integers ({@link Integer}, {@link Long},
 *     {@link Short}, {@link Byte}, {@link BigInteger}) as digits, {@link BigDecimal} with its scale
 *     ({@code 2.50} stays {@code 2.50}), {@link Double} and {@link Float} through their shortest
 *     decimal ({@code 0.1}, {@code 2.0}); NaN and infinities are refused;</li>
 * <li>{@link UUID}, {@link Instant} (ISO-8601, full precision) and enums (their name) as strings;
 *     {@code true}, {@code false}, {@code null}; {@link List}s in their order; maps with string keys.</li>
 * </ul>
 *
 * Anything else (sets, arrays, other objects), a string with a NUL character or an unpaired
 * surrogate (PostgreSQL cannot store either), a number longer than {@value #MAX_NUMBER_LENGTH}
 * characters or nesting deeper than {@value #MAX_DEPTH} is refused with
 * {@link IllegalArgumentException}, so that whatever is accepted comes back exactly.
 *
 * <p>Parsed back ({@link #parse}), integers come back as {@link Long} (as {@link BigDecimal} beyond
 * its range), other numbers as {@link BigDecimal} with the scale they were written with, UUIDs and
 * instants as strings, objects as unmodifiable maps in key order.
 */
final class TraceJson {

    static final int MAX_NUMBER_LENGTH = 1000; // Jackson's default limit when reading back
    static final int MAX_DEPTH = 100;

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private TraceJson() {
    }

    /** The canonical text of a value. */
    static String canonical(@Nullable Object value) {
        StringBuilder out = new StringBuilder(128);
        write(out, value, 0);
        return out.toString();
    }

    /** Appends the canonical text of a value. */
    static void write(StringBuilder out, @Nullable Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("A trace value is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b.booleanValue());
            case Number n -> number(out, n);
            case UUID u -> out.append('"').append(u).append('"');
            case Instant i -> out.append('"').append(i).append('"');
            case Enum<?> e -> string(out, e.name());
            case Map<?, ?> m -> object(out, m, depth);
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, l.get(i), depth + 1);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("A trace value cannot be a " + value.getClass().getName()
                    + "; use strings, numbers, booleans, null, UUIDs, instants, lists and maps with string keys");
        }
    }

    @SuppressWarnings("unchecked")
    private static void object(StringBuilder out, Map<?, ?> m, int depth) {
        Map.Entry<?, ?>[] entries = m.entrySet().toArray(new Map.Entry<?, ?>[0]);
        boolean sorted = true;
        for (int i = 0; i < entries.length; i++) {
            if (!(entries[i].getKey() instanceof String key)) {
                throw new IllegalArgumentException("A trace map key must be a string, was " + entries[i].getKey());
            }
            if (i > 0 && ((String) entries[i - 1].getKey()).compareTo(key) > 0) {
                sorted = false;
            }
        }
        if (!sorted) {
            java.util.Arrays.sort(entries, (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
        }
        out.append('{');
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, (String) entries[i].getKey());
            out.append(':');
            write(out, entries[i].getValue(), depth + 1);
        }
        out.append('}');
    }

    /** Appends an object whose values are canonical JSON texts already, keys sorted. */
    static String objectOfRaw(Map<String, String> rawValues) {
        StringBuilder out = new StringBuilder(1024);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(rawValues).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':').append(e.getValue());
        }
        return out.append('}').toString();
    }

    private static void number(StringBuilder out, Number n) {
        String text = switch (n) {
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case BigInteger b -> b.toString();
            case BigDecimal d -> d.toPlainString();
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    throw new IllegalArgumentException("A trace number must be finite, was " + d);
                }
                yield BigDecimal.valueOf(d).toPlainString();
            }
            case Float f -> {
                if (f.isNaN() || f.isInfinite()) {
                    throw new IllegalArgumentException("A trace number must be finite, was " + f);
                }
                yield new BigDecimal(f.toString()).toPlainString();
            }
            default -> throw new IllegalArgumentException("A trace number cannot be a " + n.getClass().getName());
        };
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("A trace number is longer than " + MAX_NUMBER_LENGTH + " digits");
        }
        out.append(text);
    }

    /** Appends a JSON string; refuses what PostgreSQL cannot store as text or jsonb. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int i = 0;
        while (i < n) { // fast path: a run of characters that need nothing
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                break;
            }
            i++;
        }
        out.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                if (c == 0) {
                    throw new IllegalArgumentException("A trace string cannot contain a NUL character");
                }
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    throw new IllegalArgumentException("A trace string contains an unpaired surrogate");
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Re-canonicalises stored JSON text (e.g. jsonb as PostgreSQL returns it) without changing any number's text. */
    static String recanonicalize(String json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            StringBuilder out = new StringBuilder(json.length());
            JsonToken t = p.nextToken();
            recanonicalize(p, t, out);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("Trailing content after a JSON value");
            }
            return out.toString();
        }
    }

    private static void recanonicalize(JsonParser p, JsonToken t, StringBuilder out) {
        switch (t) {
            case START_OBJECT -> {
                TreeMap<String, String> members = new TreeMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String key = p.currentName();
                    StringBuilder value = new StringBuilder();
                    recanonicalize(p, p.nextToken(), value);
                    members.put(key, value.toString());
                }
                out.append(objectOfRaw(members));
            }
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    recanonicalize(p, n, out);
                }
                out.append(']');
            }
            case VALUE_STRING -> string(out, p.getString());
            case VALUE_NUMBER_INT -> out.append(new BigInteger(p.getText()));
            case VALUE_NUMBER_FLOAT -> out.append(new BigDecimal(p.getText()).toPlainString());
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalArgumentException("Unexpected JSON token " + t);
        }
    }

    /** Parses stored JSON text into plain Java values (see the class comment for the types). */
    static @Nullable Object parse(String json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            return parse(p, p.nextToken());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        if (!(parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Not a JSON object: " + json);
        }
        return (Map<String, Object>) map;
    }

    private static @Nullable Object parse(JsonParser p, JsonToken t) {
        return switch (t) {
            case START_OBJECT -> {
                TreeMap<String, @Nullable Object> members = new TreeMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String key = p.currentName();
                    members.put(key, parse(p, p.nextToken()));
                }
                yield Collections.unmodifiableMap(new LinkedHashMap<>(members));
            }
            case START_ARRAY -> {
                List<@Nullable Object> items = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    items.add(parse(p, n));
                }
                yield Collections.unmodifiableList(items);
            }
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> {
                BigInteger i = new BigInteger(p.getText());
                yield i.bitLength() < 64 ? (Object) i.longValue() : new BigDecimal(i);
            }
            case VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("Unexpected JSON token " + t);
        };
    }
}
