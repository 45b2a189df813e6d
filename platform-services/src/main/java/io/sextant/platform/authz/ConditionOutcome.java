package io.sextant.platform.authz;

import java.util.Map;

/**
 * One atomic condition of a rule as evaluated: its source text, its position in the policy, its
 * three-valued result ({@code TRUE}, {@code FALSE} or {@code UNKNOWN} when a value it needed was
 * null or missing, as in SQL) and the values it saw, keyed by path ({@code resource.tenant_id}).
 * A value of {@code null} in the map means the attribute was null or missing.
 */
public record ConditionOutcome(String text, int line, int column, String result, Map<String, Object> values) {
}
