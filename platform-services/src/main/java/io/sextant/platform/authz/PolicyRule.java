package io.sextant.platform.authz;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One rule: {@code permit} or {@code forbid}, the actions it covers ({@code select}, {@code insert},
 * {@code update}, {@code delete} on tables; dotted names such as {@code projects.export} for API
 * actions), the resource type it covers ({@code *} = every table), and an optional condition that
 * applies {@code when} it is true or {@code unless} it is true. A rule without condition always
 * applies to what it covers.
 */
public record PolicyRule(String name, boolean permit, List<String> actions, String target, @Nullable PolicyExpr condition,
        boolean unless, int line, int column, String canonical) {

    public static final Set<String> SQL_ACTIONS = Set.of("select", "insert", "update", "delete");

    public String effectWord() {
        return permit ? "permit" : "forbid";
    }

    public boolean covers(String action, String resourceType) {
        return actions.contains(action) && (target.equals("*") ? SQL_ACTIONS.contains(action) : target.equals(resourceType));
    }
}
