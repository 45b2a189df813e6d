package io.sextant.platform.authz;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How attribute values are read, converted and compared — the same way the compiled SQL does, so
 * the evaluator and PostgreSQL agree. A value that cannot be read as the expected type (a claim
 * {@code "abc"} where a uuid is expected) is null, as the generated SQL makes it.
 */
public final class Values {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Values() {
    }

    /** Converts a raw attribute value to the evaluator's representation of {@code type}, or null. */
    public static @Nullable Object coerce(@Nullable Object v, ValueType type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> v instanceof String s ? s : v instanceof UUID u ? u.toString() : v instanceof Number || v instanceof Boolean
                    ? jsonText(v) : v.toString();
            case NUMBER -> number(v);
            case BOOL -> v instanceof Boolean b ? b : v instanceof String s && (s.equals("true") || s.equals("false"))
                    ? Boolean.valueOf(s) : null;
            case UUID -> uuid(v);
            case TIMESTAMP -> v instanceof Instant i ? i : v instanceof OffsetDateTime o ? o.toInstant()
                    : v instanceof Timestamp t ? t.toInstant() : v instanceof String s ? parseInstant(s) : null;
            case INET -> v instanceof String s ? safeInet(s) : v instanceof InetAddress a ? a.getHostAddress() : null;
            case TEXT_LIST, UUID_LIST -> {
                if (!(v instanceof List<?> list)) {
                    yield null;
                }
                List<@Nullable Object> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    out.add(coerce(o, type.element()));
                }
                yield out;
            }
        };
    }

    private static String jsonText(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    private static @Nullable BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s && NUMBER.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        return null;
    }

    /** A uuid from a uuid, or from text in canonical lower-case form; anything else is null (the SQL does the same). */
    public static @Nullable UUID uuid(Object v) {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s && PolicyParser.CANONICAL_UUID.matcher(s).matches()) {
            return UUID.fromString(s);
        }
        return null;
    }

    private static @Nullable Instant parseInstant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(s);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static @Nullable String safeInet(String s) {
        try {
            return normaliseInet(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An IP address in one canonical form (equal addresses give equal strings); only literal addresses, never host names. */
    public static String normaliseInet(String s) {
        String t = s.trim();
        if (!(IPV4.matcher(t).matches() || t.contains(":"))) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
        try {
            return InetAddress.getByName(t).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
    }

    /** A CIDR network as (address bytes, prefix length). */
    public static Object[] parseCidr(String cidr) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected address/prefix");
        }
        byte[] address = addressBytes(parts[0]);
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length");
        }
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix length out of range");
        }
        for (int bit = prefix; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw new IllegalArgumentException("host bits set to the right of the prefix");
            }
        }
        return new Object[] {address, prefix};
    }

    private static byte[] addressBytes(String s) {
        String t = s.trim();
        if (!(IPV4.matcher(t).matches() || t.contains(":"))) {
            throw new IllegalArgumentException("not an IP address");
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address");
        }
    }

    /** PostgreSQL's {@code inet <<= cidr}: same family and the first prefix bits equal. */
    public static boolean inNetwork(String address, Object[] network) {
        byte[] a = addressBytes(address);
        byte[] n = (byte[]) network[0];
        int prefix = (int) network[1];
        if (a.length != n.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** SQL equality of two non-null values of compatible types (text against uuid compares as uuid). */
    public static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    /** Orders two non-null numbers or times. */
    @SuppressWarnings("unchecked")
    public static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    /** A JSON-friendly copy of a value for traces: uuids, times and addresses as strings, numbers as BigDecimal. */
    public static @Nullable Object snapshot(@Nullable Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof Instant || v instanceof UUID) {
            return v.toString();
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof List<?> l) {
            List<@Nullable Object> out = new ArrayList<>();
            l.forEach(o -> out.add(snapshot(o)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, @Nullable Object> out = new java.util.TreeMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), snapshot(val)));
            return out;
        }
        return v.toString();
    }
}
