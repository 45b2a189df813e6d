package io.sextant.platform.authz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The starting points for a policy. Each renders to ordinary policy text (so what a template
 * produces can be read, edited, tested and compiled like any rule), and {@link #suggest} proposes
 * templates from a table's columns: {@code user_id}/{@code owner_id} → own rows,
 * {@code tenant_id}/{@code org_id} → tenant-scoped, a {@code visibility}/{@code classification}
 * column → public read of the public rows.
 */
public enum PolicyTemplate {

    OWN_ROWS("Own rows", "A user reads and changes only the rows whose owner column holds their id.", List.of("column")),
    TENANT_SCOPED("Tenant-scoped", "Rows are visible and changeable only within the session's own tenant.", List.of("column")),
    ORG_MEMBERSHIP("Organisation membership", "A user reaches the rows of the organisations listed in their claim.",
            List.of("column", "claim")),
    ADMIN_ONLY("Administrators only", "Only principals with the given role may do anything.", List.of("role")),
    PUBLIC_READ("Public read", "Anyone may read; with a column, only rows whose column holds the given value.", List.of("column", "value")),
    TIME_WINDOW("Time window", "Outside the given hours (UTC), changes are forbidden.", List.of("from_hour", "to_hour"));

    private final String title;
    private final String description;
    private final List<String> parameters;

    PolicyTemplate(String title, String description, List<String> parameters) {
        this.title = title;
        this.description = description;
        this.parameters = parameters;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** A template applied to a table with its parameters, and why it was suggested. */
    public record Use(PolicyTemplate template, String table, Map<String, String> parameters, String reason) {
    }

    /** Renders one template as rules (and the claims they need) for {@code table}. */
    public String render(String table, Map<String, String> p) {
        String name = name().toLowerCase(Locale.ROOT) + "_" + table;
        return switch (this) {
            case OWN_ROWS -> "rule " + name + ": permit select, insert, update, delete on " + table + " when resource." + param(p, "column")
                    + " == principal.id;";
            case TENANT_SCOPED -> "rule " + name + ": permit select, insert, update, delete on " + table + " when resource."
                    + param(p, "column") + " == principal.tenant;";
            case ORG_MEMBERSHIP -> "rule " + name + ": permit select, insert, update, delete on " + table + " when resource."
                    + param(p, "column") + " in principal.claims." + p.getOrDefault("claim", "orgs") + ";";
            case ADMIN_ONLY -> "rule " + name + ": permit select, insert, update, delete on " + table + " when principal.role == "
                    + PolicyParser.quote(p.getOrDefault("role", "admin")) + ";";
            case PUBLIC_READ -> p.containsKey("column") && !p.get("column").isBlank()
                    ? "rule " + name + ": permit select on " + table + " when resource." + p.get("column") + " == "
                            + PolicyParser.quote(p.getOrDefault("value", "public")) + ";"
                    : "rule " + name + ": permit select on " + table + ";";
            case TIME_WINDOW -> "rule " + name + ": forbid insert, update, delete on " + table + " unless hour(context.time) >= "
                    + hour(p, "from_hour", "8") + " and hour(context.time) < " + hour(p, "to_hour", "18") + ";";
        };
    }

    /** Claims a rendered template needs declared. */
    public Map<String, ValueType> claims(Map<String, String> p) {
        return this == ORG_MEMBERSHIP ? Map.of(p.getOrDefault("claim", "orgs"), ValueType.UUID_LIST) : Map.of();
    }

    private static String param(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null || !PolicyParser.IDENT.matcher(v).matches()) {
            throw new IllegalArgumentException("parameter '" + key + "' must be a column name, got " + v);
        }
        return v;
    }

    private static String hour(Map<String, String> p, String key, String fallback) {
        String v = p.getOrDefault(key, fallback);
        int h;
        try {
            h = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + key + "' must be an hour 0–24, got " + v);
        }
        if (h < 0 || h > 24) {
            throw new IllegalArgumentException("parameter '" + key + "' must be an hour 0–24, got " + v);
        }
        return String.valueOf(h);
    }

    /** Policy text for several template uses: one claims block, then the rules in order. */
    public static String compose(List<Use> uses) {
        Map<String, ValueType> claims = new LinkedHashMap<>();
        List<String> rules = new ArrayList<>();
        for (Use u : uses) {
            claims.putAll(u.template().claims(u.parameters()));
            rules.add("// " + u.template().title() + " on " + u.table() + ": " + u.reason());
            rules.add(u.template().render(u.table(), u.parameters()));
        }
        StringBuilder b = new StringBuilder();
        if (!claims.isEmpty()) {
            List<String> parts = new ArrayList<>();
            claims.forEach((k, v) -> parts.add(k + ": " + v.word()));
            b.append("claims { ").append(String.join(", ", parts)).append(" }\n");
        }
        rules.forEach(r -> b.append(r).append('\n'));
        return b.toString();
    }

    /** Templates suggested by a table's columns, most specific first. */
    public static List<Use> suggest(TableSchema table) {
        List<Use> out = new ArrayList<>();
        Map<String, ValueType> c = table.columns();
        for (String col : List.of("user_id", "owner_id", "owner", "created_by")) {
            if (c.containsKey(col) && (c.get(col) == ValueType.UUID || c.get(col) == ValueType.TEXT)) {
                out.add(new Use(OWN_ROWS, table.name(), Map.of("column", col), "column " + col + " names the row's owner"));
                break;
            }
        }
        for (String col : List.of("tenant_id", "org_id", "organization_id")) {
            if (c.get(col) == ValueType.UUID) {
                out.add(new Use(TENANT_SCOPED, table.name(), Map.of("column", col), "column " + col + " names the row's tenant"));
                break;
            }
        }
        for (String col : List.of("visibility", "classification")) {
            if (c.get(col) == ValueType.TEXT) {
                out.add(new Use(PUBLIC_READ, table.name(), Map.of("column", col, "value", "public"),
                        "column " + col + " marks public rows"));
                break;
            }
        }
        return out;
    }
}
