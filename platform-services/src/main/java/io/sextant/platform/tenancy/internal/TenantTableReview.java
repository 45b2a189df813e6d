package io.sextant.platform.tenancy.internal;

import io.sextant.platform.changes.ChangeReviewRule;
import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.ShadowReport;
import io.sextant.platform.changes.StatementMeasurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The board's check for tenant targets, over the schema the change leaves on its shadow:
 * <ul>
 * <li>a table of a region's shared schema without the tenant key ({@code tenant_id uuid not null})
 * is refused: its rows could not be told apart by tenant, so they could be neither isolated,
 * exported, erased nor counted per tenant;</li>
 * <li>a new table of any tenant target whose forced row-level security hides rows from the owner
 * role is refused: export, erasure and metering (which run as the owner) would miss them.</li>
 * </ul>
 * It reads the catalog differences the shadow measured (DDL rebuilt from the catalogs), so it
 * sees the effect of any statement, not the statement's spelling. D007.
 */
@Component
class TenantTableReview implements ChangeReviewRule {

    static final String SHARED_KIND = "region-shared-tables";
    static final String DEDICATED_KIND = "dedicated-tenant-database";

    @Override
    public List<String> refusals(ChangeTarget target, ShadowReport shadow) {
        boolean shared = SHARED_KIND.equals(target.kind());
        if (!shared && !DEDICATED_KIND.equals(target.kind())) {
            return List.of();
        }
        Map<String, String> added = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (StatementMeasurement m : shadow.statements()) {
            for (String described : m.catalogChanges()) {
                String[] head = described.split("\n", 2)[0].split(" ", 2);
                String ddl = part(described, "\n  after:  ");
                after.put(head[1], ddl);
                if (head[0].equals("ADDED")) {
                    added.put(head[1], ddl);
                }
            }
        }
        List<String> out = new ArrayList<>();
        String sharedPrefix = "table:" + RegionDdl.SHARED_SCHEMA + ".";
        after.forEach((key, ddl) -> {
            if (ddl == null || !key.startsWith("table:")) {
                return;
            }
            String table = key.substring("table:".length());
            if (shared && key.startsWith(sharedPrefix) && !hasTenantKey(ddl)) {
                out.add("table " + table + " in the shared schema has no tenant key (tenant_id uuid not null): its rows could not be"
                        + " isolated, exported, erased or counted per tenant");
            }
            if (added.containsKey(key) && after.get("rls-force:" + table) != null && !ownerReadsAll(after, table, target.endpoint().user())) {
                out.add("table " + table + " forces row-level security without a permissive 'for all … using (true)' policy for the owner role "
                        + target.endpoint().user() + " (the kit's platform_owner): export, erasure and metering would miss its rows");
            }
        });
        return out;
    }

    /** The text after {@code marker} up to the next part of a described difference, or null. */
    private static String part(String described, String marker) {
        int i = described.indexOf(marker);
        return i < 0 ? null : described.substring(i + marker.length());
    }

    static boolean hasTenantKey(String tableDdl) {
        if (tableDdl.contains(" partition of ")) {
            return true; // a partition has its parent's columns, and the parent is checked
        }
        int open = tableDdl.indexOf('(');
        if (open < 0) {
            return false;
        }
        for (String column : topLevel(tableDdl.substring(open + 1))) {
            String c = column.strip();
            if ((c.startsWith("tenant_id uuid ") || c.equals("tenant_id uuid")) && c.endsWith(" not null")) {
                return true;
            }
        }
        return false;
    }

    /** Splits a column list at its top-level commas, up to its closing parenthesis; quotes and nesting respected. */
    private static List<String> topLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && depth-- == 0) {
                break;
            } else if (ch == ',' && depth == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(ch);
        }
        parts.add(cur.toString());
        return parts;
    }

    private static boolean ownerReadsAll(Map<String, String> after, String table, String owner) {
        boolean permits = false;
        for (var e : after.entrySet()) {
            if (!e.getKey().startsWith("policy:" + table + ".") || e.getValue() == null) {
                continue;
            }
            String ddl = e.getValue();
            int to = ddl.indexOf(" to ");
            int end = ddl.indexOf(" using (", to);
            if (to < 0 || end < 0) {
                continue;
            }
            List<String> roles = Arrays.stream(ddl.substring(to + 4, end).split(", ")).map(String::strip).toList();
            if (!roles.contains(owner) && !roles.contains("public")) {
                continue;
            }
            if (ddl.contains(" as restrictive ")) {
                return false;
            }
            permits |= ddl.contains(" as permissive for all ") && ddl.substring(end).startsWith(" using (true)");
        }
        return permits;
    }
}
