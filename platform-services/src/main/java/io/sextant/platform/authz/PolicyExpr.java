package io.sextant.platform.authz;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A condition of a rule, as parsed. Every node knows where it starts in the source
 * ({@code offset}, 0-based; {@code line}/{@code column}, 1-based) and its {@code type} once checked.
 * Atomic conditions ({@link #isAtomic()}) are what traces and explanations report one by one.
 */
public sealed interface PolicyExpr {

    Pos pos();

    /** Where a node starts and ends in the policy text. */
    record Pos(int offset, int end, int line, int column) {
    }

    default boolean isAtomic() {
        return !(this instanceof And || this instanceof Or || this instanceof Not);
    }

    /** {@code principal.role}, {@code principal.claims.department}, {@code resource.owner_id}, {@code context.time}. */
    record Path(Pos pos, String root, String name, ValueType type) implements PolicyExpr {
        public String text() {
            return root.equals("principal") && !List.of("id", "role", "tenant").contains(name)
                    ? "principal.claims." + name : root + "." + name;
        }
    }

    /** A literal; {@code value} is String, java.math.BigDecimal, Boolean, java.util.UUID, java.time.Instant or null. */
    record Literal(Pos pos, @Nullable Object value, ValueType type) implements PolicyExpr {
    }

    record Compare(Pos pos, String op, PolicyExpr left, PolicyExpr right) implements PolicyExpr {
    }

    /** {@code x in [a, b]} (a literal list) or {@code x in principal.claims.groups} (a list-valued claim). */
    record In(Pos pos, PolicyExpr value, List<Literal> list, @Nullable Path listPath) implements PolicyExpr {
    }

    /** {@code context.ip in network "10.0.0.0/8"}. */
    record InNetwork(Pos pos, PolicyExpr value, String cidr) implements PolicyExpr {
    }

    record IsNull(Pos pos, PolicyExpr value, boolean negated) implements PolicyExpr {
    }

    /** {@code hour(context.time)} or {@code weekday(context.time)} (1 = Monday … 7 = Sunday), both in UTC. */
    record Call(Pos pos, String function, PolicyExpr argument) implements PolicyExpr {
    }

    /** A boolean-valued path or literal used as a condition by itself. */
    record Truth(Pos pos, PolicyExpr value) implements PolicyExpr {
    }

    record And(Pos pos, PolicyExpr left, PolicyExpr right) implements PolicyExpr {
    }

    record Or(Pos pos, PolicyExpr left, PolicyExpr right) implements PolicyExpr {
    }

    record Not(Pos pos, PolicyExpr operand) implements PolicyExpr {
    }
}
