package io.sextant.platform.authz;

/** The types a policy condition works with, and the PostgreSQL type each compiles to. */
public enum ValueType {
    TEXT("text"),
    NUMBER("numeric"),
    BOOL("boolean"),
    UUID("uuid"),
    TIMESTAMP("timestamptz"),
    INET("inet"),
    TEXT_LIST("text[]"),
    UUID_LIST("uuid[]");

    private final String sql;

    ValueType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    public boolean isList() {
        return this == TEXT_LIST || this == UUID_LIST;
    }

    public ValueType element() {
        return this == TEXT_LIST ? TEXT : this == UUID_LIST ? UUID : this;
    }

    /** The name used in policy text ({@code text}, {@code number}, {@code text[]}...). */
    public String word() {
        return switch (this) {
            case TEXT -> "text";
            case NUMBER -> "number";
            case BOOL -> "bool";
            case UUID -> "uuid";
            case TIMESTAMP -> "timestamp";
            case INET -> "inet";
            case TEXT_LIST -> "text[]";
            case UUID_LIST -> "uuid[]";
        };
    }

    /** The policy type of a PostgreSQL column type ({@code format_type} output), or null when conditions cannot use it. */
    public static @org.jspecify.annotations.Nullable ValueType ofPostgres(String pgType) {
        String t = pgType.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("character varying") || t.equals("text") || t.startsWith("character") || t.equals("name") || t.equals("citext")) {
            return TEXT;
        }
        if (t.equals("integer") || t.equals("bigint") || t.equals("smallint") || t.startsWith("numeric") || t.equals("real")
                || t.equals("double precision")) {
            return NUMBER;
        }
        return switch (t) {
            case "boolean" -> BOOL;
            case "uuid" -> UUID;
            case "timestamp with time zone" -> TIMESTAMP;
            case "inet" -> INET;
            case "text[]" -> TEXT_LIST;
            case "uuid[]" -> UUID_LIST;
            default -> null;
        };
    }
}
