package io.sextant.platform.authz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A project's policy tests: one expectation per line, run against a policy with a fixed clock.
 * <pre>
 * clock 2026-11-26T10:00:00Z
 * allow select document | role=member id=u1 tenant=self | tenant_id=self owner_id=u1
 * deny  update document | role=member tenant=other     | tenant_id=self            | risk=80
 * </pre>
 * Segments: expectation, action and resource type; the principal ({@code role}, {@code id},
 * {@code tenant}, {@code claims.x}); the resource's attributes; optionally the context
 * ({@code ip}, {@code risk}, {@code time}). {@code self} is the project's own tenant id,
 * {@code other} another tenant's; {@code null} is a null value; {@code #} starts a comment.
 */
public final class PolicyTestSuite {

    public static final UUID OTHER_TENANT = UUID.fromString("00000000-0000-4000-8000-00000000beef");

    /** One expectation, where it is in the file, and its request. */
    public record Case(int line, String text, Effect expected, DecisionRequest request) {
    }

    /** A case's result. */
    public record Result(Case testCase, Effect actual, List<String> decidingRules) {
        public boolean passed() {
            return testCase.expected() == actual;
        }
    }

    /** The outcome of a run. */
    public record Report(String policyHash, Instant clock, List<Result> results) {
        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }

        public long failures() {
            return results.stream().filter(r -> !r.passed()).count();
        }
    }

    private PolicyTestSuite() {
    }

    public static final Instant DEFAULT_CLOCK = Instant.parse("2026-01-01T12:00:00Z");

    /** Parses a suite; errors name the line. */
    public static List<Case> parse(String text, UUID projectTenant) {
        List<Case> cases = new ArrayList<>();
        Instant clock = DEFAULT_CLOCK;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int n = i + 1;
            if (line.startsWith("clock ")) {
                try {
                    clock = Instant.parse(line.substring(6).strip());
                } catch (RuntimeException e) {
                    throw new PolicySyntaxException("clock needs an ISO-8601 UTC time, e.g. clock 2026-11-26T10:00:00Z", n, 7, 0, 1);
                }
                continue;
            }
            String[] seg = line.split("\\|", -1);
            if (seg.length < 3 || seg.length > 4) {
                throw new PolicySyntaxException("expected: allow|deny ACTION TYPE | principal | resource [| context]", n, 1, 0, line.length());
            }
            String[] head = seg[0].strip().split("\\s+");
            if (head.length != 3 || !(head[0].equals("allow") || head[0].equals("deny"))) {
                throw new PolicySyntaxException("a test starts with allow or deny, then the action and the resource type", n, 1, 0, seg[0].length());
            }
            Map<String, String> principal = pairs(seg[1], n);
            Map<String, String> resource = pairs(seg[2], n);
            Map<String, String> context = seg.length == 4 ? pairs(seg[3], n) : Map.of();
            Map<String, Object> claims = new LinkedHashMap<>();
            String id = null;
            String role = null;
            UUID tenant = null;
            for (var e : principal.entrySet()) {
                String v = e.getValue();
                switch (e.getKey()) {
                    case "id" -> id = nullable(v);
                    case "role" -> role = nullable(v);
                    case "tenant" -> tenant = tenant(v, projectTenant, n);
                    default -> {
                        if (!e.getKey().startsWith("claims.")) {
                            throw new PolicySyntaxException("unknown principal attribute " + e.getKey() + " (id, role, tenant, claims.x)", n, 1, 0, 1);
                        }
                        if (!v.equals("null")) {
                            claims.put(e.getKey().substring(7), v.contains(",") ? List.of(v.split(",")) : value(v, projectTenant));
                        }
                    }
                }
            }
            Map<String, @Nullable Object> res = new LinkedHashMap<>();
            resource.forEach((k, v) -> res.put(k, value(v, projectTenant)));
            Instant time = clock;
            String ip = null;
            BigDecimal risk = null;
            for (var e : context.entrySet()) {
                switch (e.getKey()) {
                    case "ip" -> ip = nullable(e.getValue());
                    case "risk" -> risk = e.getValue().equals("null") ? null : new BigDecimal(e.getValue());
                    case "time" -> time = Instant.parse(e.getValue());
                    default -> throw new PolicySyntaxException("unknown context attribute " + e.getKey() + " (ip, risk, time)", n, 1, 0, 1);
                }
            }
            cases.add(new Case(n, line, head[0].equals("allow") ? Effect.ALLOW : Effect.DENY,
                    new DecisionRequest("test:" + n, new Principal(id, role, tenant, claims), head[1], head[2], res,
                            new RequestContext(time, ip, risk))));
        }
        return cases;
    }

    private static @Nullable String nullable(String v) {
        return v.equals("null") ? null : v;
    }

    private static @Nullable UUID tenant(String v, UUID self, int line) {
        return switch (v) {
            case "self" -> self;
            case "other" -> OTHER_TENANT;
            case "none", "null" -> null;
            default -> {
                UUID u = Values.uuid(v);
                if (u == null) {
                    throw new PolicySyntaxException("tenant is self, other, none or a uuid, not " + v, line, 1, 0, 1);
                }
                yield u;
            }
        };
    }

    private static @Nullable Object value(String v, UUID self) {
        return switch (v) {
            case "null" -> null;
            case "self" -> self.toString();
            case "other" -> OTHER_TENANT.toString();
            case "true", "false" -> Boolean.valueOf(v);
            default -> v.matches("-?[0-9]+(\\.[0-9]+)?") ? new BigDecimal(v) : v;
        };
    }

    private static Map<String, String> pairs(String segment, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : segment.strip().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new PolicySyntaxException("expected key=value, found " + part, line, 1, 0, part.length());
            }
            String v = part.substring(eq + 1);
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            out.put(part.substring(0, eq), v);
        }
        return out;
    }

    public static Report run(CompiledPolicy policy, List<Case> cases) {
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            CompiledPolicy.Verdict v = policy.verdict(c.request());
            results.add(new Result(c, v.effect(), v.decidingRules()));
        }
        Instant clock = cases.isEmpty() || cases.get(0).request().context().time() == null ? DEFAULT_CLOCK : cases.get(0).request().context().time();
        return new Report(policy.policy().hash(), clock, List.copyOf(results));
    }
}
