package io.sextant.platform.authz.internal;

import io.sextant.jooq.authz.tables.records.DecisionTraceRecord;
import io.sextant.platform.authz.ConditionOutcome;
import io.sextant.platform.authz.DecisionTrace;
import io.sextant.platform.authz.Effect;
import io.sextant.platform.authz.RuleOutcome;
import io.sextant.platform.authz.TraceKind;
import io.sextant.platform.authz.TraceMask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A decision trace as canonical JSON, as a row of {@code authz.decision_trace}, and back.
 *
 * <p>The canonical JSON of a trace is one object whose keys are the {@link DecisionTrace}
 * component names: scalars as strings (UUIDs, enum names, {@code decidedAt} as ISO-8601 truncated
 * to microseconds, which is what {@code timestamptz} keeps), maps and lists as {@link TraceJson}
 * writes them, {@code rules} as objects keyed by the {@link RuleOutcome} and
 * {@link ConditionOutcome} component names. Its SHA-256 (lowercase hex) is the trace's digest. A
 * batch's digest is the SHA-256 of its traces' digests (hex, concatenated, in batch order).
 *
 * <p>The inputs (principal, resource, context and the values each condition saw) are kept apart
 * (D009, docs/authz-traces.md): the trace row holds their structure (keys, every value null) and
 * {@code inputsDigest}, the SHA-256 of the inputs' canonical JSON ({@link #inputsJson}, salted so
 * that the hash of purged inputs cannot be tested against guesses); the trace's canonical JSON is
 * built from that structure plus {@code inputsDigest}. So the trace's digest, and through it the
 * batch digest and the audit chain, covers the inputs by their hash, and still verifies once they
 * are purged. Traces recorded before the inputs were kept apart (no {@code inputsDigest}) hold
 * their values in the row and are hashed as they are.
 *
 * <p>The same canonical text can be recomputed from a stored row alone ({@link #canonicalOf(DecisionTraceRecord)}):
 * the jsonb columns are re-canonicalised, never trusted as stored text.
 */
final class TraceCodec {

    /** The columns a batch writes, in the order of {@link Encoded#copyTail()}, after batch_id and seq_in_batch. */
    static final String COPY_COLUMNS = "batch_id, seq_in_batch, decision_id, request_id, kind, project_id, principal, action, "
            + "resource_type, resource, context, policy_version_hash, engine_version, rules, effect, deciding_rules, decided_at, digest, "
            + "inputs_digest";

    /** The columns of {@link Encoded#inputsRow()}. */
    static final String INPUTS_COPY_COLUMNS = "decision_id, inputs";

    private static final java.security.SecureRandom SALTS = new java.security.SecureRandom();

    private static final HexFormat HEX = HexFormat.of();

    private TraceCodec() {
    }

    /**
     * A trace ready to write: its digest, its row in COPY text format without the first two
     * columns (batch id and position), which only the writer knows, and its inputs row.
     */
    record Encoded(UUID decisionId, Instant decidedAt, String digest, byte[] copyTail, byte[] inputsRow) {
    }

    /** Encodes a trace; the work happens on the caller's thread, so the writer only streams bytes. */
    static Encoded encode(DecisionTrace t) {
        Objects.requireNonNull(t, "trace");
        Objects.requireNonNull(t.decisionId(), "decisionId");
        Objects.requireNonNull(t.kind(), "kind");
        Objects.requireNonNull(t.effect(), "effect");
        Objects.requireNonNull(t.decidedAt(), "decidedAt");
        Instant decidedAt = t.decidedAt().truncatedTo(ChronoUnit.MICROS);
        int year = decidedAt.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("decidedAt must lie in the years 1 to 9999, was " + t.decidedAt());
        }
        String salt = HEX.formatHex(salt());
        String inputs = inputsJson(t, salt);
        String inputsDigest = sha256Hex(inputs);
        String principal = TraceJson.canonical(shape(t.principal(), true));
        String resource = TraceJson.canonical(shape(t.resource(), false));
        String context = TraceJson.canonical(shape(t.context(), false));
        String rules = rulesJson(t.rules(), true);
        String decidingRules = TraceJson.canonical(required(t.decidingRules(), "decidingRules"));
        String canonical = canonical(t.decisionId(), t.requestId(), t.kind().name(), t.projectId(), principal,
                required(t.action(), "action"), required(t.resourceType(), "resourceType"), resource, context,
                required(t.policyVersionHash(), "policyVersionHash"), required(t.engineVersion(), "engineVersion"), rules,
                t.effect().name(), decidingRules, decidedAt, inputsDigest);
        StringBuilder row = new StringBuilder(canonical.length() + 256);
        row.append(t.decisionId()).append('\t');
        copyText(row, t.requestId()).append('\t');
        row.append(t.kind().name().toLowerCase(Locale.ROOT)).append('\t');
        copyText(row, t.projectId() == null ? null : t.projectId().toString()).append('\t');
        copyText(row, principal).append('\t');
        copyText(row, t.action()).append('\t');
        copyText(row, t.resourceType()).append('\t');
        copyText(row, resource).append('\t');
        copyText(row, context).append('\t');
        copyText(row, t.policyVersionHash()).append('\t');
        copyText(row, t.engineVersion()).append('\t');
        copyText(row, rules).append('\t');
        row.append(t.effect().name()).append('\t');
        copyText(row, decidingRules).append('\t');
        row.append(decidedAt).append('\t');
        String digest = sha256Hex(canonical);
        row.append(digest).append('\t').append(inputsDigest).append('\n');
        StringBuilder inputsRow = new StringBuilder(inputs.length() + 48);
        inputsRow.append(t.decisionId()).append('\t');
        copyText(inputsRow, inputs).append('\n');
        return new Encoded(t.decisionId(), decidedAt, digest, row.toString().getBytes(StandardCharsets.UTF_8),
                inputsRow.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        return salt;
    }

    /**
     * The canonical JSON of a trace's inputs: {@code conditionValues} (each condition's values, in
     * rule and condition order), {@code context}, {@code principal}, {@code resource} and
     * {@code salt}. Refuses values that could not come back exactly.
     */
    static String inputsJson(DecisionTrace t, String salt) {
        List<Object> conditionValues = new ArrayList<>();
        for (RuleOutcome r : required(t.rules(), "rules")) {
            for (ConditionOutcome c : required(Objects.requireNonNull(r, "rule outcome").conditions(), "conditions")) {
                conditionValues.add(required(Objects.requireNonNull(c, "condition outcome").values(), "condition values"));
            }
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("conditionValues", conditionValues);
        inputs.put("context", required(t.context(), "context"));
        inputs.put("principal", required(t.principal(), "principal"));
        inputs.put("resource", required(t.resource(), "resource"));
        inputs.put("salt", salt);
        return TraceJson.canonical(inputs);
    }

    /**
     * The structure of an input map: its keys, every value null. {@code nested} keeps the keys of
     * maps inside it too (the principal's claim names); otherwise a nested map is a value.
     */
    static Map<String, Object> shape(Map<String, Object> values, boolean nested) {
        Map<String, @Nullable Object> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k, nested && v instanceof Map<?, ?> m ? shape(stringKeys(m), false) : null));
        return nonNullView(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nonNullView(Map<String, @Nullable Object> m) {
        return java.util.Collections.unmodifiableMap((Map<String, Object>) (Map<String, ?>) m);
    }

    /** The canonical JSON of a stored row, recomputed from its columns. */
    static String canonicalOf(DecisionTraceRecord r) {
        return canonical(r.getDecisionId(), r.getRequestId(), r.getKind().toUpperCase(Locale.ROOT), r.getProjectId(),
                TraceJson.recanonicalize(r.getPrincipal().data()), r.getAction(), r.getResourceType(),
                TraceJson.recanonicalize(r.getResource().data()), TraceJson.recanonicalize(r.getContext().data()),
                r.getPolicyVersionHash(), r.getEngineVersion(), TraceJson.recanonicalize(r.getRules().data()), r.getEffect(),
                TraceJson.recanonicalize(r.getDecidingRules().data()), r.getDecidedAt().toInstant(), r.getInputsDigest());
    }

    /**
     * The canonical JSON of a trace as {@link #encode} hashes it, given the digest of its inputs
     * (for tests and external checks); without one, as traces were hashed before their inputs were
     * kept apart (the values themselves in place of their structure).
     */
    static String canonicalOf(DecisionTrace t, @Nullable String inputsDigest) {
        boolean apart = inputsDigest != null;
        return canonical(t.decisionId(), t.requestId(), t.kind().name(), t.projectId(),
                TraceJson.canonical(apart ? shape(t.principal(), true) : t.principal()), t.action(), t.resourceType(),
                TraceJson.canonical(apart ? shape(t.resource(), false) : t.resource()),
                TraceJson.canonical(apart ? shape(t.context(), false) : t.context()), t.policyVersionHash(), t.engineVersion(),
                rulesJson(t.rules(), apart), t.effect().name(), TraceJson.canonical(t.decidingRules()),
                t.decidedAt().truncatedTo(ChronoUnit.MICROS), inputsDigest);
    }

    /**
     * The trace object with its keys in sorted order, written directly (the order is fixed and
     * checked by a test against the general writer).
     */
    private static String canonical(UUID decisionId, @Nullable String requestId, String kind, @Nullable UUID projectId,
            String principalJson, String action, String resourceType, String resourceJson, String contextJson,
            String policyVersionHash, String engineVersion, String rulesJson, String effect, String decidingRulesJson,
            Instant decidedAt, @Nullable String inputsDigest) {
        StringBuilder out = new StringBuilder(principalJson.length() + resourceJson.length() + contextJson.length()
                + rulesJson.length() + 512);
        out.append("{\"action\":");
        TraceJson.string(out, action);
        out.append(",\"context\":").append(contextJson);
        out.append(",\"decidedAt\":\"").append(decidedAt).append('"');
        out.append(",\"decidingRules\":").append(decidingRulesJson);
        out.append(",\"decisionId\":\"").append(decisionId).append('"');
        out.append(",\"effect\":");
        TraceJson.string(out, effect);
        out.append(",\"engineVersion\":");
        TraceJson.string(out, engineVersion);
        if (inputsDigest != null) { // absent from traces recorded before the inputs were kept apart
            out.append(",\"inputsDigest\":");
            TraceJson.string(out, inputsDigest);
        }
        out.append(",\"kind\":");
        TraceJson.string(out, kind);
        out.append(",\"policyVersionHash\":");
        TraceJson.string(out, policyVersionHash);
        out.append(",\"principal\":").append(principalJson);
        out.append(",\"projectId\":");
        TraceJson.write(out, projectId, 0);
        out.append(",\"requestId\":");
        TraceJson.write(out, requestId, 0);
        out.append(",\"resource\":").append(resourceJson);
        out.append(",\"resourceType\":");
        TraceJson.string(out, resourceType);
        out.append(",\"rules\":").append(rulesJson);
        return out.append('}').toString();
    }

    /** The rules as canonical JSON: keys of each rule and condition in sorted order; {@code shaped}: each condition's values as their structure. */
    static String rulesJson(List<RuleOutcome> rules, boolean shaped) {
        StringBuilder out = new StringBuilder(256 * (rules.size() + 1));
        out.append('[');
        for (int i = 0; i < rules.size(); i++) {
            RuleOutcome r = Objects.requireNonNull(rules.get(i), "rule outcome");
            out.append(i == 0 ? "{\"applicable\":" : ",{\"applicable\":").append(r.applicable());
            out.append(",\"conditions\":[");
            List<ConditionOutcome> conditions = required(r.conditions(), "conditions");
            for (int j = 0; j < conditions.size(); j++) {
                ConditionOutcome c = Objects.requireNonNull(conditions.get(j), "condition outcome");
                out.append(j == 0 ? "{\"column\":" : ",{\"column\":").append(c.column());
                out.append(",\"line\":").append(c.line());
                out.append(",\"result\":");
                TraceJson.string(out, required(c.result(), "condition result"));
                out.append(",\"text\":");
                TraceJson.string(out, required(c.text(), "condition text"));
                out.append(",\"values\":");
                Map<String, Object> values = required(c.values(), "condition values");
                TraceJson.write(out, shaped ? shape(values, false) : values, 4);
                out.append('}');
            }
            out.append("],\"matched\":").append(r.matched());
            out.append(",\"result\":");
            TraceJson.string(out, required(r.result(), "rule result"));
            out.append(",\"ruleEffect\":");
            TraceJson.string(out, required(r.ruleEffect(), "ruleEffect"));
            out.append(",\"ruleId\":");
            TraceJson.string(out, required(r.ruleId(), "ruleId"));
            out.append(",\"ruleName\":");
            TraceJson.string(out, required(r.ruleName(), "ruleName"));
            out.append('}');
        }
        return out.append(']').toString();
    }

    /** The rules as plain maps, for checking {@link #rulesJson} against the general writer. */
    static List<Map<String, Object>> rulesAsJson(List<RuleOutcome> rules, boolean shaped) {
        List<Map<String, Object>> out = new ArrayList<>(rules.size());
        for (RuleOutcome r : rules) {
            List<Map<String, Object>> conditions = new ArrayList<>();
            for (ConditionOutcome c : r.conditions()) {
                Map<String, Object> cj = new LinkedHashMap<>();
                cj.put("text", c.text());
                cj.put("line", c.line());
                cj.put("column", c.column());
                cj.put("result", c.result());
                cj.put("values", shaped ? shape(c.values(), false) : c.values());
                conditions.add(cj);
            }
            Map<String, Object> rj = new LinkedHashMap<>();
            rj.put("ruleId", r.ruleId());
            rj.put("ruleName", r.ruleName());
            rj.put("ruleEffect", r.ruleEffect());
            rj.put("applicable", r.applicable());
            rj.put("result", r.result());
            rj.put("matched", r.matched());
            rj.put("conditions", conditions);
            out.add(rj);
        }
        return out;
    }

    /** The general writer's text of the whole trace, for checking {@link #canonicalOf(DecisionTrace, String)} in tests. */
    static String canonicalByGeneralWriter(DecisionTrace t, String inputsDigest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", t.action());
        m.put("context", shape(t.context(), false));
        m.put("decidedAt", t.decidedAt().truncatedTo(ChronoUnit.MICROS));
        m.put("decidingRules", t.decidingRules());
        m.put("decisionId", t.decisionId());
        m.put("effect", t.effect());
        m.put("engineVersion", t.engineVersion());
        m.put("inputsDigest", inputsDigest);
        m.put("kind", t.kind());
        m.put("policyVersionHash", t.policyVersionHash());
        m.put("principal", shape(t.principal(), true));
        m.put("projectId", t.projectId());
        m.put("requestId", t.requestId());
        m.put("resource", shape(t.resource(), false));
        m.put("resourceType", t.resourceType());
        m.put("rules", rulesAsJson(t.rules(), true));
        return TraceJson.canonical(m);
    }

    /**
     * A stored row back as a trace (numbers as {@link TraceJson#parse} returns them), with the
     * values of its inputs row ({@code inputs}, its canonical or jsonb text), or, when they were
     * purged ({@code inputs} null), every input value as {@link TraceMask#PURGED}.
     */
    @SuppressWarnings("unchecked")
    static DecisionTrace decode(DecisionTraceRecord r, @Nullable String inputs) {
        boolean apart = r.getInputsDigest() != null;
        Map<String, Object> in = apart && inputs != null ? TraceJson.parseObject(inputs) : null;
        java.util.Iterator<Object> conditionValues = in == null ? null : ((List<Object>) in.get("conditionValues")).iterator();
        List<RuleOutcome> rules = new ArrayList<>();
        for (Object o : (List<Object>) Objects.requireNonNull(TraceJson.parse(r.getRules().data()))) {
            Map<String, Object> rj = (Map<String, Object>) o;
            List<ConditionOutcome> conditions = new ArrayList<>();
            for (Object co : (List<Object>) rj.get("conditions")) {
                Map<String, Object> cj = (Map<String, Object>) co;
                Map<String, Object> values = (Map<String, Object>) cj.get("values");
                if (apart) {
                    if (conditionValues != null && !conditionValues.hasNext()) {
                        throw new IllegalStateException("The inputs of decision " + r.getDecisionId() + " hold fewer condition values than its rules");
                    }
                    values = conditionValues != null ? (Map<String, Object>) conditionValues.next() : purged(values);
                }
                conditions.add(new ConditionOutcome((String) cj.get("text"), ((Number) cj.get("line")).intValue(),
                        ((Number) cj.get("column")).intValue(), (String) cj.get("result"), values));
            }
            rules.add(new RuleOutcome((String) rj.get("ruleId"), (String) rj.get("ruleName"), (String) rj.get("ruleEffect"),
                    (Boolean) rj.get("applicable"), (String) rj.get("result"), (Boolean) rj.get("matched"), List.copyOf(conditions)));
        }
        Map<String, Object> principal = TraceJson.parseObject(r.getPrincipal().data());
        Map<String, Object> resource = TraceJson.parseObject(r.getResource().data());
        Map<String, Object> context = TraceJson.parseObject(r.getContext().data());
        if (in != null) {
            principal = (Map<String, Object>) in.get("principal");
            resource = (Map<String, Object>) in.get("resource");
            context = (Map<String, Object>) in.get("context");
        } else if (apart) {
            principal = purged(principal);
            resource = purged(resource);
            context = purged(context);
        }
        return new DecisionTrace(r.getDecisionId(), r.getRequestId(), TraceKind.valueOf(r.getKind().toUpperCase(Locale.ROOT)),
                r.getProjectId(), principal, r.getAction(), r.getResourceType(), resource, context,
                r.getPolicyVersionHash(), r.getEngineVersion(), List.copyOf(rules), Effect.valueOf(r.getEffect()),
                (List<String>) Objects.requireNonNull(TraceJson.parse(r.getDecidingRules().data())),
                r.getDecidedAt().toInstant());
    }

    /** A structure with every value replaced by the purged marker (nested maps keep their keys). */
    private static Map<String, Object> purged(Map<String, Object> shape) {
        Map<String, Object> out = new java.util.TreeMap<>();
        shape.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? purged(stringKeys(m)) : TraceMask.PURGED));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The batch digest: SHA-256 over the traces' hex digests, concatenated in batch order. */
    static String batchDigest(List<String> traceDigests) {
        MessageDigest md = sha256();
        for (String d : traceDigests) {
            md.update(d.getBytes(StandardCharsets.US_ASCII));
        }
        return HEX.formatHex(md.digest());
    }

    static String sha256Hex(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value in PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped; null as {@code \N}. */
    static StringBuilder copyText(StringBuilder out, @Nullable String s) {
        if (s == null) {
            return out.append("\\N");
        }
        int n = s.length();
        int i = 0;
        while (i < n) { // fast path: a run of characters that need nothing
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == 0) {
                break;
            }
            i++;
        }
        out.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case 0 -> throw new IllegalArgumentException("A trace text cannot contain a NUL character");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static <T> T required(@Nullable T value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
